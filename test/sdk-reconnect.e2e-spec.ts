import {
  type ChangeEvent,
  type ConnectionState,
  NodeCache,
  TreeCache,
  type WatchedEvent,
  ZoonestClient,
  type ZoonestClientOptions,
} from '@zoonest/client';
import { freePort, spawnServer, type ServerProcess } from './support/server-process';
import { removeTempDirs, tempDir } from './support/temp-dir';

const text = (data: Uint8Array | undefined) =>
  data === undefined ? undefined : Buffer.from(data).toString();

/**
 * The server process is killed and started again on the same port and data directory while
 * clients hold ephemerals, watches, subscriptions and caches.
 */
describe('SDK across server restarts', () => {
  let server: ServerProcess | undefined;
  let env: Record<string, string>;
  const clients: ZoonestClient[] = [];

  const connect = async (opts: Partial<ZoonestClientOptions> = {}) => {
    const client = await ZoonestClient.connect({
      servers: [`http://127.0.0.1:${env.ZOONEST_HTTP_PORT}`],
      sessionTimeoutMs: 30_000,
      retry: { initialDelayMs: 100, maxDelayMs: 400 },
      ...opts,
    });
    clients.push(client);
    const states: ConnectionState[] = [];
    client.on('state', (s) => states.push(s));
    return { client, states };
  };

  const reaches = (client: ZoonestClient, state: ConnectionState) =>
    new Promise<void>((resolve) => {
      if (client.state === state) return resolve();
      const off = client.on('state', (s) => {
        if (s === state) {
          off();
          resolve();
        }
      });
    });

  beforeAll(async () => {
    env = {
      ZOONEST_HTTP_PORT: String(await freePort()),
      ZOONEST_ZK_PORT: String(await freePort()),
      ZOONEST_DATA_DIR: await tempDir(),
      ZOONEST_MIN_SESSION_TIMEOUT_MS: '1000',
      ZOONEST_SESSION_CHECK_MS: '100',
    };
    server = await spawnServer(env);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server?.kill('SIGKILL');
    await removeTempDirs();
  });

  it('resumes sessions with their ephemerals and loses no event, through kill -9 and SIGTERM', async () => {
    const { client, states } = await connect();
    const { client: writer } = await connect();
    const { client: brief, states: briefStates } = await connect({ sessionTimeoutMs: 1500 });
    const session = client.sessionId;

    await client.create('/app', '');
    await client.create('/app/cfg', 'v0');
    await client.create('/app/eph', 'held', { mode: 'ephemeral' });
    await brief.create('/brief', '', { mode: 'ephemeral' });

    const streamed: ChangeEvent[] = [];
    const stream = client.watch('/app', { recursive: true });
    await stream.ready;
    const consuming = (async () => {
      for await (const e of stream) streamed.push(e);
    })();
    const watched: WatchedEvent[] = [];
    await client.addWatch('/app', (e) => watched.push(e), { mode: 'persistent-recursive' });
    const tree = new TreeCache(client, '/app');
    await tree.start();
    const node = new NodeCache(client, '/app/cfg');
    await node.start();
    const oneShot = new Promise<WatchedEvent>(
      (resolve) => void client.getData('/app/cfg', { watch: resolve }),
    );

    // A writer that keeps creating nodes throughout; it remembers the ones acknowledged.
    const acked: string[] = [];
    let writing = true;
    const writes = (async () => {
      for (let i = 0; writing && writer.state !== 'closed'; i++) {
        await writer.create(`/app/n-${i}`).then(
          (path) => acked.push(path),
          () => new Promise((r) => setTimeout(r, 20)),
        );
      }
    })();
    const ackedSoFar = (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => (acked.length >= n ? resolve() : setTimeout(check, 10));
        check();
      });

    await ackedSoFar(20);
    await server?.kill('SIGKILL');
    await Promise.all([reaches(client, 'suspended'), reaches(brief, 'expired')]);
    server = await spawnServer(env);
    await writer.setData('/app/cfg', 'v1'); // while `client` may still be on its way back
    await Promise.all([reaches(client, 'reconnected'), reaches(brief, 'newSession')]);
    expect(text((await client.getData('/app/cfg')).data)).toBe('v1');
    expect(await oneShot).toMatchObject({ type: 'NodeDataChanged', path: '/app/cfg' });
    // The brief session stayed away past its timeout: a new one, without the old ephemeral.
    expect(briefStates).toEqual(['suspended', 'expired', 'newSession']);
    expect(await brief.exists('/brief')).toBeNull();
    await brief.close();

    await ackedSoFar(acked.length + 20);
    await server.kill('SIGTERM');
    await reaches(client, 'suspended');
    server = await spawnServer(env);
    await reaches(client, 'reconnected');
    await ackedSoFar(acked.length + 20);
    writing = false;
    await writes;
    await writer.setData('/app/cfg', 'v2');
    await client.sync();
    await Promise.all([tree.settled(), node.settled()]);

    // The same session throughout, with its ephemeral.
    expect(client.sessionId).toBe(session);
    expect((await writer.exists('/app/eph'))?.ephemeralOwner).toBe(session);
    expect(states).toEqual(['suspended', 'reconnected', 'suspended', 'reconnected']);

    // Every node the writer created reached the stream and the watch once, in zxid order.
    const onServer = (await client.getChildren('/app')).filter((c) => c.startsWith('n-'));
    const created = (events: Array<{ type: string; path: string }>) =>
      events.filter((e) => e.type === 'NodeCreated').map((e) => e.path.slice('/app/'.length));
    expect(acked.length).toBeGreaterThanOrEqual(60);
    expect(created(streamed).sort()).toEqual(onServer.sort());
    expect(acked.map((p) => p.slice('/app/'.length)).every((n) => onServer.includes(n))).toBe(true);
    expect(created(watched)).toEqual(created(streamed));
    const zxids = streamed.map((e) => e.zxid);
    expect(zxids).toEqual([...zxids].sort((a, b) => a - b));
    expect(new Set(streamed.map((e) => `${e.zxid} ${e.type} ${e.path}`)).size).toBe(
      streamed.length,
    );

    // The caches followed along.
    expect(text(node.getCurrentData()?.data)).toBe('v2');
    expect([...(tree.getCurrentChildren('/app')?.keys() ?? [])].sort()).toEqual(
      ['cfg', 'eph', ...onServer].sort(),
    );
    await stream.close();
    await consuming;
  });
});
