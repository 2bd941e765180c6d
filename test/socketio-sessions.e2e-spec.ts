import type { RunningServer } from '../src/server/start-server';
import { startTestServer } from './support/test-server';
import {
  closeClients,
  collect,
  connect,
  disconnected,
  failure,
  ok,
  refused,
  type ZkClient,
} from './support/socketio-client';
import { removeTempDirs } from './support/temp-dir';
import { until } from './support/until';

const MIN_TIMEOUT = 1000;
const HISTORY = 20;

/** Sessions over Socket.IO: handshake, resume, close, expiry; and the retained history. */
describe('Socket.IO sessions', () => {
  let server: RunningServer;
  let watcher: ZkClient;

  beforeAll(async () => {
    server = await startTestServer({
      ZOONEST_MIN_SESSION_TIMEOUT_MS: MIN_TIMEOUT,
      ZOONEST_SESSION_CHECK_MS: 100,
      ZOONEST_HISTORY_TXNS: HISTORY,
    });
    watcher = (await connect(server.url)).socket;
  });

  afterAll(async () => {
    closeClients();
    await server.stop();
    await removeTempDirs();
  });

  /** Waits until the server has let go of a closed socket's session. */
  const released = (sessionId: string) =>
    until(
      () => server.coordinator.session(BigInt(sessionId))?.attachments === 0,
      2000,
      'the server to detach the session',
    );

  it('opens a session with the negotiated timeout and tells the socket', async () => {
    const { session } = await connect(server.url, { timeoutMs: 5000 });
    expect(session).toMatchObject({ timeoutMs: 5000, resumed: false });
    expect(session.sessionId).toMatch(/^[1-9]\d*$/);
    expect(Buffer.from(session.password, 'base64').length).toBeGreaterThan(0);
    expect(session.lastZxid).toBe(server.coordinator.lastZxid);
    const held = server.coordinator.session(BigInt(session.sessionId));
    expect(held).toMatchObject({ transport: 'socketio', attachments: 1 });

    const clamped = await Promise.all([
      connect(server.url, { timeoutMs: 10 }),
      connect(server.url, { timeoutMs: 10_000_000 }),
      connect(server.url),
    ]);
    expect(clamped.map((c) => c.session.timeoutMs)).toEqual([
      MIN_TIMEOUT,
      server.settings.maxSessionTimeoutMs,
      2 * MIN_TIMEOUT,
    ]);
    expect(await refused(server.url, { timeoutMs: 'long' as unknown as number })).toMatchObject({
      code: -8,
      name: 'BadArguments',
    });
  });

  it('resumes a session after a disconnect, ephemerals and all', async () => {
    const first = await connect(server.url, { timeoutMs: 5000 });
    await ok(first.socket, 'create', { path: '/kept', mode: 'ephemeral' });
    first.socket.close();
    await released(first.session.sessionId);

    const again = await connect(server.url, {
      sessionId: first.session.sessionId,
      password: first.session.password,
      lastZxid: first.session.lastZxid + 1,
    });
    expect(again.session).toMatchObject({
      sessionId: first.session.sessionId,
      password: first.session.password,
      timeoutMs: 5000,
      resumed: true,
    });
    expect(await ok(again.socket, 'getEphemerals', {})).toEqual({ paths: ['/kept'] });
    const stat = await ok(again.socket, 'setData', { path: '/kept', data: 'still mine' });
    expect(stat.stat.ephemeralOwner).toBe(first.session.sessionId);
  });

  it('refuses a wrong password, an unknown session and a client from the future', async () => {
    const { session } = await connect(server.url);
    const wrong = Buffer.alloc(Buffer.from(session.password, 'base64').length, 7);
    expect(
      await refused(server.url, {
        sessionId: session.sessionId,
        password: wrong.toString('base64'),
      }),
    ).toMatchObject({ code: -112, name: 'SessionExpired' });
    expect(
      await refused(server.url, { sessionId: '123456789', password: session.password }),
    ).toMatchObject({ name: 'SessionExpired' });
    expect(
      await refused(server.url, { sessionId: 'abc', password: session.password }),
    ).toMatchObject({ name: 'BadArguments' });
    expect(
      await refused(server.url, {
        sessionId: session.sessionId,
        password: session.password,
        lastZxid: server.coordinator.lastZxid + 100,
      }),
    ).toMatchObject({ name: 'ConnectionLoss' });
  });

  it("closes a session's older connection when it is resumed elsewhere", async () => {
    const first = await connect(server.url);
    const gone = disconnected(first.socket);
    const second = await connect(server.url, {
      sessionId: first.session.sessionId,
      password: first.session.password,
    });
    expect(await gone).toBe('io server disconnect');
    await ok(second.socket, 'create', { path: '/taken-over', mode: 'ephemeral' });
    expect(server.coordinator.session(BigInt(first.session.sessionId))?.attachments).toBe(1);
  });

  it('deletes ephemerals on closeSession, answers, then hangs up', async () => {
    const { socket, session } = await connect(server.url);
    await ok(socket, 'create', { path: '/closing', mode: 'ephemeral' });
    const events = collect(watcher, 'watch');
    await ok(watcher, 'exists', { path: '/closing', watch: true });
    const ends = collect(socket, 'sessionClosed');
    const gone = disconnected(socket);

    expect(await ok(socket, 'closeSession', {})).toEqual({});
    expect(await gone).toBe('io server disconnect');
    expect(ends).toEqual([{ sessionId: session.sessionId, reason: 'closed' }]);
    await until(() => events.length > 0, 5000);
    expect(events.map((e) => [e.type, e.path])).toEqual([['NodeDeleted', '/closing']]);
    expect(await ok(watcher, 'exists', { path: '/closing' })).toEqual({ stat: null });
    expect(
      await refused(server.url, { sessionId: session.sessionId, password: session.password }),
    ).toMatchObject({ name: 'SessionExpired' });
  });

  it('tells a socket its session ended when someone else closed it', async () => {
    const { socket, session } = await connect(server.url);
    const ends = collect(socket, 'sessionClosed');
    const gone = disconnected(socket);
    await server.coordinator.closeSession(BigInt(session.sessionId));
    expect(await gone).toBe('io server disconnect');
    expect(ends).toEqual([{ sessionId: session.sessionId, reason: 'expired' }]);
  });

  it('keeps a connected session past its timeout and expires it once disconnected', async () => {
    const { socket, session } = await connect(server.url, { timeoutMs: MIN_TIMEOUT });
    await ok(socket, 'create', { path: '/short', mode: 'ephemeral' });
    await new Promise((r) => setTimeout(r, MIN_TIMEOUT * 1.5));
    expect((await ok(watcher, 'exists', { path: '/short', watch: true })).stat).not.toBeNull();

    const events = collect(watcher, 'watch');
    const closedAt = Date.now();
    socket.close();
    await until(() => events.length > 0, 4 * MIN_TIMEOUT, 'the ephemeral to go');
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(MIN_TIMEOUT - 100);
    expect(events.map((e) => [e.type, e.path])).toEqual([['NodeDeleted', '/short']]);
    expect(await ok(watcher, 'exists', { path: '/short' })).toEqual({ stat: null });
    expect(
      await refused(server.url, { sessionId: session.sessionId, password: session.password }),
    ).toMatchObject({ name: 'SessionExpired' });
  });

  it("forgets a gone socket's watches and subscriptions", async () => {
    const before = server.coordinator.counts;
    const { socket, session } = await connect(server.url);
    await ok(socket, 'getChildren', { path: '/', watch: true });
    await ok(socket, 'addWatch', { path: '/', mode: 'persistent-recursive' });
    await ok(socket, 'subscribe', { path: '/', recursive: true });
    expect(server.coordinator.counts).toMatchObject({
      watches: before.watches + 2,
      subscriptions: before.subscriptions + 1,
    });
    socket.close();
    await released(session.sessionId);
    expect(server.coordinator.counts).toMatchObject({
      watches: before.watches,
      subscriptions: before.subscriptions,
    });
  });

  it('refuses a replay from before the retained history, naming the oldest zxid', async () => {
    const { socket } = await connect(server.url);
    const { zxid: from } = await ok(socket, 'sync', { path: '/' });
    await ok(socket, 'create', { path: '/hist' });
    await Promise.all(
      Array.from({ length: HISTORY * 3 }, () =>
        ok(socket, 'create', { path: '/hist/n-', mode: 'persistent-sequential' }),
      ),
    );
    const err = await failure(socket, 'subscribe', { path: '/hist', fromZxid: from });
    expect(err).toMatchObject({ code: -1002, name: 'HistoryUnavailable' });
    expect(err.oldestZxid).toBeGreaterThan(from + 1);

    const changes = collect(socket, 'change');
    const oldest = err.oldestZxid ?? 0;
    const { subscriptionId } = await ok(socket, 'subscribe', {
      path: '/hist',
      fromZxid: oldest - 1,
    });
    await ok(socket, 'sync', { path: '/' });
    expect(changes.length).toBeGreaterThan(0);
    expect(changes[0]).toMatchObject({ subscriptionId, zxid: oldest, type: 'NodeCreated' });
    expect(changes.at(-1)?.zxid).toBe(server.coordinator.lastZxid);
  });

  it('has every socket answer through its own session, without crossing', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => connect(server.url)));
    await Promise.all(
      clients.map(({ socket }, i) =>
        ok(socket, 'create', { path: `/mine-${i}`, mode: 'ephemeral' }),
      ),
    );
    const owners = await Promise.all(
      clients.map(({ socket }, i) => ok(socket, 'exists', { path: `/mine-${i}` })),
    );
    expect(owners.map((o) => o.stat?.ephemeralOwner)).toEqual(
      clients.map((c) => c.session.sessionId),
    );
  });

  it('advertises heartbeats and a frame size that fit the settings', async () => {
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    const body = await res.text();
    const open = JSON.parse(body.slice(1)) as Record<string, unknown>;
    expect(open).toMatchObject({ pingInterval: 1000, pingTimeout: 1000 });
    expect(open.maxPayload).toBe(Math.ceil(server.settings.juteMaxBuffer * 1.4) + 64 * 1024);
  });
});
