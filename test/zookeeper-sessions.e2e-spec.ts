import request from 'supertest';
import type { RunningServer } from '../src/server/start-server';
import { startTestServer } from './support/test-server';
import { removeTempDirs } from './support/temp-dir';
import { until } from './support/until';
import {
  closeZkClients,
  connectZk,
  long,
  nzk,
  sleep,
  watchOnce,
  within,
} from './support/zookeeper-client';
import { OpCode } from '../src/transports/zookeeper/jute/op-code';
import {
  ask,
  bool,
  closeWireConnections,
  createBody,
  request as packet,
  session,
  ustring,
} from './support/zookeeper-wire';

const MIN_TIMEOUT = 1000;

const idBuffer = (id: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(id);
  return b;
};

/** Sessions over the ZooKeeper protocol: resumption, pings, expiry and closing. */
describe('ZooKeeper protocol sessions', () => {
  let server: RunningServer;
  let address: string;

  beforeAll(async () => {
    server = await startTestServer({
      ZOONEST_MIN_SESSION_TIMEOUT_MS: MIN_TIMEOUT,
      ZOONEST_SESSION_CHECK_MS: 100,
    });
    address = `127.0.0.1:${server.zkPort}`;
  });

  afterAll(async () => {
    closeWireConnections();
    await closeZkClients();
    await server.stop();
    await removeTempDirs();
  });

  it('keeps a session across a dropped connection and re-registers its watches', async () => {
    const a = await connectZk(address, { sessionTimeout: 5000 });
    const b = await connectZk(address);
    const id = a.sessionId;
    await a.create('/resume', 'v0');
    await a.create('/resume/eph', null, { mode: nzk.CreateMode.EPHEMERAL });
    const changed = watchOnce();
    await a.getData('/resume', changed.watcher);
    const watchesBefore = server.coordinator.counts.watches;

    const reconnected = new Promise<void>((resolve) => a.raw.once('connected', () => resolve()));
    a.dropConnection();
    await within(reconnected, 5000, 'reconnection');
    expect(a.sessionId).toBe(id);
    expect(long((await b.exists('/resume/eph'))!.ephemeralOwner)).toBe(id);

    // The server forgot the old connection's watch; the client set it again with setWatches.
    await until(
      () => server.coordinator.counts.watches === watchesBefore,
      2000,
      'the watch to be re-registered',
    );
    await b.setData('/resume', 'v1');
    const event = await within(changed.event, 3000, 'the re-registered watch');
    expect([event.getName(), event.getPath()]).toEqual(['NODE_DATA_CHANGED', '/resume']);
    await a.close();
  });

  it('resumes a session by id and password from another client', async () => {
    const { conn, res } = await session(server.zkPort, { timeoutMs: 5000 });
    await ask(conn, packet(1, OpCode.create, ...createBody('/handed-over', null, 1)));
    conn.close();

    const c = await connectZk(address, {
      sessionId: idBuffer(res.sessionId),
      sessionPassword: res.password,
    });
    expect(c.sessionId).toBe(res.sessionId);
    expect(long((await c.exists('/handed-over'))!.ephemeralOwner)).toBe(res.sessionId);
    await c.close();
    const other = await connectZk(address);
    expect(await other.exists('/handed-over')).toBeNull();
  });

  it('closes the older connection of a session that connects again', async () => {
    const first = await session(server.zkPort, { timeoutMs: 5000 });
    const second = await session(server.zkPort, {
      sessionId: first.res.sessionId,
      password: first.res.password,
    });
    expect(second.res.sessionId).toBe(first.res.sessionId);
    expect(await first.conn.closesWithin(2000)).toBe(true);
    const served = await ask(second.conn, packet(1, OpCode.exists, ustring('/'), bool(false)));
    expect(served.err).toBe(0);
  });

  it('keeps a pinging client alive well past its timeout', async () => {
    const c = await connectZk(address, { sessionTimeout: MIN_TIMEOUT });
    expect(c.raw.getSessionTimeout()).toBe(MIN_TIMEOUT);
    await c.create('/alive', null, { mode: nzk.CreateMode.EPHEMERAL });
    await sleep(MIN_TIMEOUT * 2.5);
    expect(server.coordinator.session(c.sessionId)).toBeDefined();
    expect(long((await c.exists('/alive'))!.ephemeralOwner)).toBe(c.sessionId);
    await c.close();
  });

  it('expires a silent session: ephemerals go, watchers hear, the connection closes', async () => {
    const watcher = await connectZk(address);
    const { conn, res } = await session(server.zkPort, { timeoutMs: MIN_TIMEOUT });
    expect(res.timeoutMs).toBe(MIN_TIMEOUT);
    await ask(conn, packet(1, OpCode.create, ...createBody('/silent', null, 1)));
    const deleted = watchOnce();
    await watcher.exists('/silent', deleted.watcher);

    // No packet, not even a ping, within the timeout: ZooKeeper expires the session.
    const event = await within(deleted.event, MIN_TIMEOUT * 4, 'NodeDeleted');
    expect([event.getName(), event.getPath()]).toEqual(['NODE_DELETED', '/silent']);
    expect(await conn.closesWithin(2000)).toBe(true);
    expect(server.coordinator.session(res.sessionId)).toBeUndefined();

    // The client comes back too late: timeout 0, session 0, and the client calls it expired.
    const late = nzk.createClient(address, {
      sessionId: idBuffer(res.sessionId),
      sessionPassword: res.password,
      spinDelay: 50,
    });
    const expired = new Promise<void>((resolve) => late.once('expired', () => resolve()));
    late.connect();
    await within(expired, 3000, 'the expired event');
    late.close();
  });

  it('drops the connection of a session closed elsewhere; the client learns it expired', async () => {
    const c = await connectZk(address, { sessionTimeout: 5000 });
    const expired = new Promise<void>((resolve) => c.raw.once('expired', () => resolve()));
    await request(server.url).delete(`/api/v1/sessions/${c.sessionId}`).expect(204);
    await within(expired, 3000, 'the expired event');
    expect(server.coordinator.session(c.sessionId)).toBeUndefined();
  });

  it('ends the session at once when the client closes it', async () => {
    const observer = await connectZk(address);
    const c = await connectZk(address, { sessionTimeout: 30_000 });
    await c.create('/closing', null, { mode: nzk.CreateMode.EPHEMERAL });
    const id = c.sessionId;
    const started = Date.now();
    await c.close();
    await until(() => server.coordinator.session(id) === undefined, 2000, 'the close');
    expect(await observer.exists('/closing')).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
