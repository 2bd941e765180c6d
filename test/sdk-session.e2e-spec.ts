import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { RunningServer } from '../src/server/start-server';
import { startTestServer } from './support/test-server';
import {
  type ChangeEvent,
  type ConnectionState,
  TreeCache,
  type WatchedEvent,
  ZoonestClient,
  type ZoonestClientOptions,
} from '@zoonest/client';
import { freePort } from './support/server-process';
import { removeTempDirs } from './support/temp-dir';
import { failure } from './support/zoonest-failure';

/** A TCP proxy in front of the server whose link the tests cut and restore. */
class Link {
  private listener: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    const listener = createServer((down) => {
      const up = createConnection(this.target, '127.0.0.1');
      for (const s of [down, up]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      down.pipe(up).pipe(down);
    });
    await new Promise<void>((resolve) => listener.listen(this.port, '127.0.0.1', resolve));
    this.port = (listener.address() as { port: number }).port;
    this.listener = listener;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const listener = this.listener;
    this.listener = undefined;
    if (listener) await new Promise((resolve) => listener.close(resolve));
  }
}

const MIN_TIMEOUT = 1000;
const HISTORY = 40;

/** Connection loss, resumption, expiry and renewal, over a link the tests cut. */
describe('SDK sessions', () => {
  let server: RunningServer;
  let observer: ZoonestClient;
  const links: Link[] = [];
  const clients: ZoonestClient[] = [];

  const port = () => Number(new URL(server.url).port);

  const viaLink = async (opts: Partial<ZoonestClientOptions> = {}) => {
    const link = new Link(port());
    links.push(link);
    await link.up();
    const client = await ZoonestClient.connect({
      servers: [link.url],
      sessionTimeoutMs: 4000,
      retry: { initialDelayMs: 20, maxDelayMs: 100 },
      ...opts,
    });
    clients.push(client);
    const states: ConnectionState[] = [];
    client.on('state', (s) => states.push(s));
    return { client, link, states };
  };

  const reaches = (client: ZoonestClient, state: ConnectionState) =>
    new Promise<void>((resolve) => {
      const off = client.on('state', (s) => {
        if (s === state) {
          off();
          resolve();
        }
      });
    });

  const take = async (stream: AsyncIterable<ChangeEvent>, n: number): Promise<string[]> => {
    const got: string[] = [];
    if (n === 0) return got;
    for await (const e of stream) if (got.push(`${e.type} ${e.path}`) === n) break;
    return got;
  };

  beforeAll(async () => {
    server = await startTestServer({
      ZOONEST_MIN_SESSION_TIMEOUT_MS: MIN_TIMEOUT,
      ZOONEST_SESSION_CHECK_MS: 100,
      ZOONEST_HISTORY_TXNS: HISTORY,
    });
    observer = await ZoonestClient.connect({ servers: [server.url] });
    clients.push(observer);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all(links.map((l) => l.down()));
    await server.stop();
    await removeTempDirs();
  });

  it('connects through a list whose first URL is unreachable', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const client = await ZoonestClient.connect({ servers: [dead, server.url] });
    clients.push(client);
    expect(client.state).toBe('connected');
    expect(client.serverUrl).toBe(server.url);
    await client.close();
  });

  it('resumes the same session after a lost link: ephemerals, watches and queued requests', async () => {
    const { client, link, states } = await viaLink();
    const session = client.sessionId;
    await client.create('/r', '');
    await client.create('/r/a', 'a0');
    await client.create('/r/eph', '', { mode: 'ephemeral' });

    const oneShot: WatchedEvent[] = [];
    await client.getData('/r/a', { watch: (e) => oneShot.push(e) });
    await client.exists('/r/b', { watch: (e) => oneShot.push(e) });
    await client.getChildren('/r', { watch: (e) => oneShot.push(e) });
    const persistent: string[] = [];
    await client.addWatch('/r', (e) => persistent.push(`${e.type} ${e.path}`), {
      mode: 'persistent-recursive',
    });
    const stream = client.watch('/r', { recursive: true });
    await stream.ready;

    await link.down();
    await reaches(client, 'suspended');
    await observer.setData('/r/a', 'a1');
    await observer.create('/r/b', 'b');
    await observer.create('/r/b/c');
    await observer.setData('/r/b/c', 'c1');
    const queued = client.create('/r/queued', 'sent once back');
    await link.up();
    await reaches(client, 'reconnected');

    expect(await queued).toBe('/r/queued');
    expect(client.sessionId).toBe(session);
    expect((await observer.exists('/r/eph'))?.ephemeralOwner).toBe(session);
    await client.setData('/r/a', 'a2');
    await client.sync();
    const expected = [
      'NodeDataChanged /r/a',
      'NodeCreated /r/b',
      'NodeCreated /r/b/c',
      'NodeDataChanged /r/b/c',
      'NodeCreated /r/queued',
      'NodeDataChanged /r/a',
    ];
    expect(await take(stream, expected.length)).toEqual(expected);
    expect(persistent).toEqual(expected);
    expect(oneShot.map((e) => `${e.type} ${e.path}`).sort()).toEqual([
      'NodeChildrenChanged /r',
      'NodeCreated /r/b',
      'NodeDataChanged /r/a',
    ]);
    expect(states).toEqual(['suspended', 'reconnected']);
  });

  it('holds requests while disconnected in a bounded queue', async () => {
    const { client, link } = await viaLink({ maxQueuedRequests: 3 });
    await link.down();
    await reaches(client, 'suspended');
    const held = [1, 2, 3].map((i) => client.create(`/held-${i}`));
    const overflow = await failure(client.create('/held-4'));
    expect(overflow.codeName).toBe('ConnectionLoss');
    expect(overflow.message).toContain('maxQueuedRequests');
    await link.up();
    expect(await Promise.all(held)).toEqual(['/held-1', '/held-2', '/held-3']);
    expect(await observer.exists('/held-4')).toBeNull();
  });

  it('declares the session expired after its timeout away, then opens a new one', async () => {
    const { client, link, states } = await viaLink({ sessionTimeoutMs: MIN_TIMEOUT });
    const first = client.sessionId;
    await client.create('/exp', '');
    await client.create('/exp/mine', '', { mode: 'ephemeral' });
    const stream = client.watch('/exp', { recursive: true });
    await stream.ready;

    await link.down();
    const queued = client.getData('/exp');
    await reaches(client, 'expired');
    expect((await failure(queued)).codeName).toBe('SessionExpired');
    await observer.create('/exp/while-away');
    await link.up();
    await reaches(client, 'newSession');

    expect(client.sessionId).not.toBe(first);
    expect(await client.exists('/exp/mine')).toBeNull();
    // The stream carried on across sessions: nothing that happened meanwhile is missing.
    expect((await take(stream, 2)).sort()).toEqual([
      'NodeCreated /exp/while-away',
      'NodeDeleted /exp/mine',
    ]);
    expect(states).toEqual(['suspended', 'expired', 'newSession']);
  });

  it('learns from the server that the session ended while it was away', async () => {
    const { client, link, states } = await viaLink({ sessionTimeoutMs: 10_000 });
    const first = client.sessionId as string;
    await link.down();
    await reaches(client, 'suspended');
    await server.coordinator.closeSession(BigInt(first));
    await link.up();
    await reaches(client, 'newSession');
    expect(client.sessionId).not.toBe(first);
    expect(states).toEqual(['suspended', 'expired', 'newSession']);
  });

  it('stays expired without autoRenewSession', async () => {
    const { client, link } = await viaLink({
      sessionTimeoutMs: MIN_TIMEOUT,
      autoRenewSession: false,
    });
    await link.down();
    await reaches(client, 'expired');
    await link.up();
    await new Promise((r) => setTimeout(r, 300));
    expect(client.state).toBe('expired');
    expect((await failure(client.getData('/'))).codeName).toBe('SessionExpired');
  });

  it('resets watches and caches after a gap longer than the server history', async () => {
    const { client, link } = await viaLink();
    await client.create('/gap', '');
    const cache = new TreeCache(client, '/gap');
    await cache.start();
    let resets = 0;
    await client.addWatch('/gap', () => undefined, {
      mode: 'persistent-recursive',
      onReset: () => (resets += 1),
    });
    const strict = client.watch('/gap', { recursive: true });
    await strict.ready;

    await link.down();
    await reaches(client, 'suspended');
    for (let i = 0; i < HISTORY + 5; i++) await observer.create(`/gap/n${i}`, `${i}`);
    await link.up();
    await reaches(client, 'reconnected');

    await expect(take(strict, 1)).rejects.toMatchObject({ codeName: 'HistoryUnavailable' });
    await new Promise((r) => setTimeout(r, 300));
    await cache.settled();
    expect(resets).toBe(1);
    expect(cache.getCurrentChildren('/gap')?.size).toBe(HISTORY + 5);
    await cache.close();
  });
});
