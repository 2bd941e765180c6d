import type { RunningServer } from '../src/server/start-server';
import { closeClients, connect, raw, type ZkClient } from './support/socketio-client';
import { startRecipeServer } from './support/recipes-server';
import { until } from './support/until';
import { removeTempDirs } from './support/temp-dir';

interface Reply {
  error: { name: string; message: string } | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  result?: any;
}

/** Emits a recipe event and resolves with its `(error, result)` acknowledgement. */
function emit(socket: ZkClient, event: string, req: unknown): Promise<Reply> {
  return new Promise((resolve) =>
    raw(socket, event, req, (error: Reply['error'], result?: unknown) =>
      resolve({ error, result }),
    ),
  );
}

describe('recipe events on /zoonest', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startRecipeServer();
  });

  afterAll(async () => {
    closeClients();
    await server.stop();
    await removeTempDirs();
  });

  it('hands a lock from one socket session to the next when the first session closes', async () => {
    const a = (await connect(server.url, { timeoutMs: 4000 })).socket;
    const b = (await connect(server.url, { timeoutMs: 4000 })).socket;
    const held = await emit(a, 'lock.acquire', { name: 'io' });
    expect(held.result).toMatchObject({ acquired: true });
    const waiting = emit(b, 'lock.acquire', { name: 'io', timeoutMs: 10_000 });
    await until(
      async () => (await emit(a, 'lock.describe', { name: 'io' })).result.waiters.length === 1,
    );
    await new Promise<void>((resolve) => raw(a, 'closeSession', {}, () => resolve()));
    const got = await waiting;
    expect(got.result.acquired).toBe(true);
    expect(got.result.token).toBeGreaterThan(held.result.token);
  });

  it('serves queue, election and config events, and waits on watches', async () => {
    const s = (await connect(server.url, { timeoutMs: 4000 })).socket;
    const taking = emit(s, 'queue.take', { name: 'ioq', timeoutMs: 5000 });
    await emit(s, 'queue.put', { name: 'ioq', data: 'hello' });
    expect((await taking).result.item.data).toBe('hello');

    const campaign = await emit(s, 'election.campaign', { group: 'io', id: 'me' });
    expect(campaign.result.leader).toBe(true);
    const state = await emit(s, 'election.state', { group: 'io' });
    expect(state.result.leader.id).toBe('me');

    await emit(s, 'config.publish', { key: 'io.json', content: '{}', format: 'json' });
    const first = await emit(s, 'config.watch', { key: 'io.json' });
    expect(first.result.value).toMatchObject({ content: '{}', version: 0 });
    const watching = emit(s, 'config.watch', {
      key: 'io.json',
      since: first.result.zxid,
      timeoutMs: 5000,
    });
    await emit(s, 'config.publish', { key: 'io.json', content: '{"b":1}', format: 'json' });
    expect((await watching).result.value).toMatchObject({ content: '{"b":1}', version: 1 });
  });

  it('answers bad requests with the error payload', async () => {
    const s = (await connect(server.url, { timeoutMs: 4000 })).socket;
    const bad = await emit(s, 'config.publish', { key: 'x.json', content: '{', format: 'json' });
    expect(bad.error?.name).toBe('BadArguments');
    const noName = await emit(s, 'lock.acquire', {});
    expect([noName.error?.name, noName.error?.message]).toEqual([
      'BadArguments',
      expect.stringMatching(/name/),
    ]);
  });
});
