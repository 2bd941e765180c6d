import { digestId } from '../src/core/auth';
import type { RunningServer } from '../src/server/start-server';
import { DATABASES } from './support/databases';
import { startTestServer } from './support/test-server';
import type { ChangeEventJson, WatchEventJson } from '../src/protocol/wire/socketio-events';
import {
  call,
  closeClients,
  collect,
  connect,
  failure,
  ok,
  raw,
  type ZkClient,
} from './support/socketio-client';
import { removeTempDirs } from './support/temp-dir';

/** Operations, watches and change subscriptions over Socket.IO, against a real server. */
describe.each(DATABASES)('Socket.IO operations on $name', (db) => {
  let server: RunningServer;
  let a: ZkClient;
  let b: ZkClient;
  let sessionA: string;

  beforeAll(async () => {
    server = await startTestServer(await db.settings());
    const first = await connect(server.url, { timeoutMs: 10_000 });
    a = first.socket;
    sessionA = first.session.sessionId;
    b = (await connect(server.url)).socket;
  });

  afterAll(async () => {
    closeClients();
    await server.stop();
    await db.cleanup();
    await removeTempDirs();
  });

  /** A round trip on `socket`: every event sent to it before now has arrived once it resolves. */
  const roundTrip = (socket: ZkClient) => ok(socket, 'sync', { path: '/' });

  it('advertises heartbeats of a third of the shortest session timeout', async () => {
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    const open = JSON.parse((await res.text()).slice(1)) as Record<string, unknown>;
    const third = Math.floor(server.settings.minSessionTimeoutMs / 3);
    expect(open).toMatchObject({ pingInterval: third, pingTimeout: third });
    expect(open.maxPayload).toBeGreaterThan(server.settings.juteMaxBuffer * 1.34);
  });

  it('creates, reads, updates and deletes with versions', async () => {
    const created = await ok(a, 'create', { path: '/crud', data: 'v0' });
    expect(created).toMatchObject({ path: '/crud', stat: { version: 0, dataLength: 2 } });
    expect(await ok(b, 'getData', { path: '/crud' })).toMatchObject({
      data: 'v0',
      encoding: 'utf8',
      stat: { version: 0, czxid: created.stat.czxid },
    });
    const set = await ok(a, 'setData', { path: '/crud', data: 'v1', version: 0 });
    expect(set.stat.version).toBe(1);
    expect(await failure(a, 'setData', { path: '/crud', data: 'x', version: 0 })).toMatchObject({
      code: -103,
      name: 'BadVersion',
      path: '/crud',
    });
    expect(await failure(a, 'create', { path: '/crud' })).toMatchObject({ name: 'NodeExists' });
    expect(await failure(a, 'delete', { path: '/crud', version: 0 })).toMatchObject({
      name: 'BadVersion',
    });
    expect(await ok(a, 'delete', { path: '/crud', version: 1 })).toEqual({});
    expect(await ok(a, 'exists', { path: '/crud' })).toEqual({ stat: null });
    expect(await failure(a, 'getData', { path: '/crud' })).toMatchObject({
      code: -101,
      name: 'NoNode',
      path: '/crud',
    });
  });

  it('round-trips binary data as base64', async () => {
    const bytes = Buffer.from([0, 255, 1, 254, 10, 13]);
    await ok(a, 'create', { path: '/bin', data: bytes.toString('base64'), encoding: 'base64' });
    const read = await ok(a, 'getData', { path: '/bin', encoding: 'base64' });
    expect(read.encoding).toBe('base64');
    expect(Buffer.from(read.data, 'base64')).toEqual(bytes);
  });

  it('lists children, counts descendants and numbers sequential nodes', async () => {
    await ok(a, 'create', { path: '/q' });
    const first = await ok(a, 'create', { path: '/q/item-', mode: 'persistent-sequential' });
    const second = await ok(a, 'create', { path: '/q/item-', mode: 'persistent-sequential' });
    expect([first.path, second.path]).toEqual(['/q/item-0000000000', '/q/item-0000000001']);
    await ok(a, 'create', { path: '/q/item-0000000000/deep' });
    const kids = await ok(b, 'getChildren', { path: '/q' });
    expect(kids.children).toEqual(['item-0000000000', 'item-0000000001']);
    expect(kids.stat.numChildren).toBe(2);
    expect(await ok(b, 'getAllChildrenNumber', { path: '/q' })).toEqual({ count: 3 });
  });

  it("marks ephemerals with the socket's session and lists them by prefix", async () => {
    const eph = await ok(a, 'create', { path: '/eph-a', mode: 'ephemeral' });
    expect(eph.stat.ephemeralOwner).toBe(sessionA);
    await ok(a, 'create', { path: '/other-eph', mode: 'ephemeral' });
    expect(await ok(a, 'getEphemerals', { prefix: '/eph' })).toEqual({ paths: ['/eph-a'] });
    expect((await ok(a, 'getEphemerals', {})).paths).toEqual(['/eph-a', '/other-eph']);
    expect(await ok(b, 'getEphemerals', {})).toEqual({ paths: [] });
    expect(await failure(a, 'create', { path: '/eph-a/child' })).toMatchObject({
      name: 'NoChildrenForEphemerals',
    });
  });

  it('deletes a subtree with recursive, and refuses NotEmpty without it', async () => {
    await ok(a, 'create', { path: '/tree' });
    await ok(a, 'create', { path: '/tree/x' });
    await ok(a, 'create', { path: '/tree/x/y' });
    expect(await failure(a, 'delete', { path: '/tree' })).toMatchObject({ name: 'NotEmpty' });
    expect(await ok(a, 'delete', { path: '/tree', recursive: true })).toEqual({});
    expect(await ok(a, 'exists', { path: '/tree/x/y' })).toEqual({ stat: null });
    expect(await failure(a, 'delete', { path: '/tree', recursive: true })).toMatchObject({
      name: 'NoNode',
    });
  });

  it('applies ACLs with the identities a socket proved with addAuth', async () => {
    await ok(a, 'addAuth', { scheme: 'digest', credentials: 'alice:secret' });
    await ok(a, 'create', {
      path: '/private',
      data: 'mine',
      acl: [{ scheme: 'auth', id: '', perms: 'cdrwa' }],
    });
    const { acl, stat } = await ok(a, 'getACL', { path: '/private' });
    expect(acl).toEqual([{ scheme: 'digest', id: digestId('alice:secret'), perms: 'cdrwa' }]);
    expect(await failure(b, 'getData', { path: '/private' })).toMatchObject({
      code: -102,
      name: 'NoAuth',
    });
    expect((await ok(a, 'getData', { path: '/private' })).data).toBe('mine');
    const opened = await ok(a, 'setACL', {
      path: '/private',
      acl: [{ scheme: 'world', id: 'anyone', perms: 'r' }],
      version: stat.aversion,
    });
    expect(opened.stat.aversion).toBe(stat.aversion + 1);
    expect((await ok(b, 'getData', { path: '/private' })).data).toBe('mine');
    expect(await failure(b, 'addAuth', { scheme: 'kerberos', credentials: 'x' })).toMatchObject({
      name: 'AuthFailed',
    });
  });

  it('runs multi all or nothing, with every op result on failure', async () => {
    const { results } = await ok(a, 'multi', {
      ops: [
        { op: 'create', path: '/m', data: 'x' },
        { op: 'create', path: '/m/1' },
        { op: 'setData', path: '/m', data: 'y', version: 0 },
        { op: 'check', path: '/m', version: 1 },
      ],
    });
    expect(results.map((r) => r.op)).toEqual(['create', 'create', 'setData', 'check']);
    const err = await failure(a, 'multi', {
      ops: [
        { op: 'create', path: '/m/2' },
        { op: 'delete', path: '/m/missing' },
      ],
    });
    expect(err).toMatchObject({ name: 'NoNode' });
    expect(err.results?.map((r) => r.name)).toEqual(['Ok', 'NoNode']);
    expect(await ok(a, 'exists', { path: '/m/2' })).toEqual({ stat: null });
  });

  it('answers multiRead per op, errors included', async () => {
    await ok(a, 'create', { path: '/mr', data: 'hi' });
    await ok(a, 'create', { path: '/mr/k' });
    const { results } = await ok(b, 'multiRead', {
      ops: [
        { op: 'getData', path: '/mr' },
        { op: 'getChildren', path: '/mr' },
        { op: 'getData', path: '/mr/none' },
      ],
    });
    expect(results).toEqual([
      { op: 'getData', data: 'hi', stat: expect.objectContaining({ numChildren: 1 }) },
      { op: 'getChildren', children: ['k'] },
      { op: 'error', error: expect.objectContaining({ name: 'NoNode', path: '/mr/none' }) },
    ]);
  });

  it('syncs and reports the zxid it reached', async () => {
    const created = await ok(a, 'create', { path: '/synced' });
    const synced = await ok(b, 'sync', { path: '/synced' });
    expect(synced.path).toBe('/synced');
    expect(synced.zxid).toBeGreaterThanOrEqual(created.stat.czxid);
    expect(synced.zxid).toBe(server.coordinator.lastZxid);
  });

  it('fires a one-shot data watch once, before the writer is answered', async () => {
    await ok(a, 'create', { path: '/w', data: '0' });
    const order: string[] = [];
    const events: WatchEventJson[] = [];
    const onWatch = (e: WatchEventJson) => {
      events.push(e);
      order.push(`watch ${e.path}`);
    };
    a.on('watch', onWatch);
    await ok(a, 'getData', { path: '/w', watch: true });
    const { result } = await call(b, 'setData', { path: '/w', data: '1' }, () =>
      order.push('writer ack'),
    );
    expect(order).toEqual(['watch /w', 'writer ack']);
    expect(events).toEqual([{ type: 'NodeDataChanged', path: '/w', zxid: result?.stat.mzxid }]);
    // The watcher sees the event before it can read the state that fired it.
    const read = await call(a, 'getData', { path: '/w' }, () => order.push('reader reply'));
    expect(read.result?.data).toBe('1');
    expect(order).toEqual(['watch /w', 'writer ack', 'reader reply']);
    await ok(b, 'setData', { path: '/w', data: '2' });
    await roundTrip(a);
    expect(events).toHaveLength(1);
    a.off('watch', onWatch);
  });

  it('fires exists and child watches on creation, deletion and child changes', async () => {
    const events = collect(b, 'watch');
    expect(await ok(b, 'exists', { path: '/later', watch: true })).toEqual({ stat: null });
    await ok(a, 'create', { path: '/later' });
    await ok(b, 'getChildren', { path: '/later', watch: true });
    await ok(a, 'create', { path: '/later/c' });
    await ok(b, 'getData', { path: '/later/c', watch: true });
    await ok(a, 'delete', { path: '/later/c' });
    await roundTrip(b);
    expect(events.map((e) => [e.type, e.path])).toEqual([
      ['NodeCreated', '/later'],
      ['NodeChildrenChanged', '/later'],
      ['NodeDeleted', '/later/c'],
    ]);
  });

  it('keeps persistent and recursive watches set with addWatch', async () => {
    await ok(a, 'create', { path: '/p' });
    await ok(a, 'create', { path: '/r' });
    const events = collect(b, 'watch');
    await ok(b, 'addWatch', { path: '/p', mode: 'persistent' });
    await ok(b, 'addWatch', { path: '/r', mode: 'persistent-recursive' });
    await ok(a, 'setData', { path: '/p', data: '1' });
    await ok(a, 'setData', { path: '/p', data: '2' });
    await ok(a, 'create', { path: '/p/kid' });
    await ok(a, 'create', { path: '/r/x' });
    await ok(a, 'create', { path: '/r/x/y' });
    await ok(a, 'setData', { path: '/r/x/y', data: 'z' });
    await roundTrip(b);
    expect(events.map((e) => [e.type, e.path])).toEqual([
      ['NodeDataChanged', '/p'],
      ['NodeDataChanged', '/p'],
      ['NodeChildrenChanged', '/p'],
      ['NodeCreated', '/r/x'],
      ['NodeCreated', '/r/x/y'],
      ['NodeDataChanged', '/r/x/y'],
    ]);
    const zxids = events.map((e) => e.zxid);
    expect([...zxids].sort((x, y) => x - y)).toEqual(zxids);
    await ok(b, 'removeWatches', { path: '/r', type: 'persistent-recursive' });
    await ok(a, 'create', { path: '/r/after' });
    await roundTrip(b);
    expect(events).toHaveLength(6);
  });

  it('removes watches, and answers NoWatcher when there is none', async () => {
    await ok(a, 'create', { path: '/rm' });
    const events = collect(b, 'watch');
    await ok(b, 'getData', { path: '/rm', watch: true });
    expect(await failure(b, 'removeWatches', { path: '/rm', type: 'children' })).toMatchObject({
      code: -121,
      name: 'NoWatcher',
    });
    expect(await ok(b, 'removeWatches', { path: '/rm', type: 'data' })).toEqual({});
    expect(await failure(b, 'removeWatches', { path: '/rm' })).toMatchObject({
      name: 'NoWatcher',
      path: '/rm',
    });
    await ok(a, 'setData', { path: '/rm', data: 'x' });
    await roundTrip(b);
    expect(events).toEqual([]);
  });

  it('replays a subscription from a zxid in order, then streams, each change once', async () => {
    await ok(a, 'create', { path: '/sub' });
    const { zxid: from } = await ok(a, 'sync', { path: '/sub' });
    await ok(a, 'create', { path: '/sub/a', data: '1' });
    await ok(a, 'create', { path: '/elsewhere' });
    await ok(a, 'setData', { path: '/sub/a', data: '2' });
    await ok(a, 'create', { path: '/sub/a/deep' });
    const order: string[] = [];
    const changes: ChangeEventJson[] = [];
    b.on('change', (e) => {
      changes.push(e);
      order.push('change');
    });
    const subscribed = await call(
      b,
      'subscribe',
      { path: '/sub', recursive: true, fromZxid: from },
      () => order.push('reply'),
    );
    expect(subscribed.error).toBeNull();
    const subscriptionId = subscribed.result?.subscriptionId ?? 0;
    await ok(a, 'delete', { path: '/sub/a/deep' });
    await roundTrip(b);
    expect(order[0]).toBe('reply');
    expect(changes.map((c) => [c.subscriptionId, c.type, c.path])).toEqual([
      [subscriptionId, 'NodeCreated', '/sub/a'],
      [subscriptionId, 'NodeDataChanged', '/sub/a'],
      [subscriptionId, 'NodeCreated', '/sub/a/deep'],
      [subscriptionId, 'NodeDeleted', '/sub/a/deep'],
    ]);
    const zxids = changes.map((c) => c.zxid);
    expect(zxids[0]).toBeGreaterThan(from);
    expect(new Set(zxids).size).toBe(zxids.length);
    expect([...zxids].sort((x, y) => x - y)).toEqual(zxids);
    expect(changes[1]?.stat).toMatchObject({ version: 1, dataLength: 1 });

    expect(await ok(b, 'unsubscribe', { subscriptionId })).toEqual({});
    await ok(a, 'create', { path: '/sub/late' });
    await roundTrip(b);
    expect(changes).toHaveLength(4);
    expect(await failure(b, 'unsubscribe', { subscriptionId })).toMatchObject({
      name: 'NoWatcher',
    });
    b.removeAllListeners('change');
  });

  it('subscribes to direct children only unless recursive', async () => {
    await ok(a, 'create', { path: '/flat' });
    const changes = collect(b, 'change');
    const { subscriptionId } = await ok(b, 'subscribe', { path: '/flat' });
    await ok(a, 'create', { path: '/flat/one' });
    await ok(a, 'create', { path: '/flat/one/two' });
    await ok(a, 'setData', { path: '/flat', data: 'x' });
    await roundTrip(b);
    expect(changes.map((c) => [c.type, c.path])).toEqual([
      ['NodeCreated', '/flat/one'],
      ['NodeDataChanged', '/flat'],
    ]);
    await ok(b, 'unsubscribe', { subscriptionId });
  });

  it('answers wrong-shaped requests with BadArguments and keeps the connection', async () => {
    const bad: Array<[string, unknown]> = [
      ['create', 42],
      ['create', null],
      ['create', 'path'],
      ['create', [{ path: '/x' }]],
      ['create', { path: 5 }],
      ['create', { path: '/x', data: 7 }],
      ['create', { path: '/x', data: 'a', encoding: 'hex' }],
      ['create', { path: '/x', data: '***', encoding: 'base64' }],
      ['create', { path: '/x', mode: 'forever' }],
      ['create', { path: 'relative' }],
      ['getData', { path: '/', encoding: 'hex' }],
      ['getData', { path: '/', watch: 'yes' }],
      ['setData', { path: '/', version: 1.5 }],
      ['delete', { path: '/x', version: 'abc' }],
      ['delete', { path: '/x', recursive: 1 }],
      ['exists', {}],
      ['getChildren', { path: ['/'] }],
      ['multi', { ops: 'create' }],
      ['multi', { ops: [{ op: 'rename', path: '/x' }] }],
      ['multiRead', { ops: [{ op: 'getACL', path: '/' }] }],
      ['addWatch', { path: '/', mode: 'sometimes' }],
      ['removeWatches', { path: '/', type: 'all' }],
      ['addAuth', { scheme: 'digest' }],
      ['subscribe', { path: '/', fromZxid: -1 }],
      ['subscribe', { path: '/', fromZxid: 1e12 }],
      ['unsubscribe', { subscriptionId: 'one' }],
      ['getEphemerals', { prefix: 3 }],
      ['sync', { path: null }],
    ];
    const replies = await Promise.all(
      bad.map(
        ([event, payload]) =>
          new Promise<unknown>((resolve) => raw(a, event, payload, (err: unknown) => resolve(err))),
      ),
    );
    const names = replies.map((err, i) => [bad[i]?.[0], (err as { name?: string } | null)?.name]);
    expect(names).toEqual(bad.map(([event]) => [event, 'BadArguments']));

    // No payload at all: the ack comes first.
    const bare = await new Promise((resolve) => raw(a, 'getData', resolve));
    expect(bare).toMatchObject({ name: 'BadArguments' });
    // No ack: nothing to answer, so nothing is done.
    raw(a, 'create', { path: '/unanswered' });
    raw(a, 'create', { path: '/unanswered' }, 'not a function');
    expect(await ok(a, 'exists', { path: '/unanswered' })).toEqual({ stat: null });
    expect(a.connected).toBe(true);
    expect((await ok(a, 'create', { path: '/still-works' })).path).toBe('/still-works');
  });

  it('takes a create of exactly jute.maxbuffer as ZooKeeper counts it, and no byte more', async () => {
    // RequestHeader, path, data, the open ACL and flags.
    const limit = server.settings.juteMaxBuffer - (8 + 4 + '/big'.length + 4 + 27 + 4);
    const full = Buffer.alloc(limit, 0xab);
    const created = await ok(a, 'create', {
      path: '/big',
      data: full.toString('base64'),
      encoding: 'base64',
    });
    expect(created.stat.dataLength).toBe(limit);
    const read = await ok(b, 'getData', { path: '/big', encoding: 'base64' });
    expect(Buffer.from(read.data, 'base64').equals(full)).toBe(true);
    // setData's packet has a version where create has the ACL and flags: 27 bytes less.
    for (const size of [limit + 28, 1024 * 1024]) {
      const over = Buffer.alloc(size, 0xab).toString('base64');
      expect(
        await failure(a, 'setData', { path: '/big', data: over, encoding: 'base64' }),
      ).toMatchObject({ code: -1001, name: 'DataTooLarge' });
    }
    expect(a.connected).toBe(true);
  });

  it('answers a flood of pipelined creates, each once and in request order', async () => {
    const count = 3000;
    await ok(a, 'create', { path: '/flood' });
    const answered: number[] = [];
    const replies = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        call(a, 'create', { path: '/flood/n-', mode: 'persistent-sequential' }, () =>
          answered.push(i),
        ),
      ),
    );
    expect(replies.filter((r) => r.error !== null)).toEqual([]);
    expect(answered).toEqual(Array.from({ length: count }, (_, i) => i));
    const paths = replies.map((r) => r.result?.path);
    expect(new Set(paths).size).toBe(count);
    expect(paths[count - 1]).toBe(`/flood/n-${String(count - 1).padStart(10, '0')}`);
    expect(await ok(b, 'getAllChildrenNumber', { path: '/flood' })).toEqual({ count });
  });

  it('answers pipelined requests in order even when a later one is quicker', async () => {
    const order: string[] = [];
    const write = call(a, 'create', { path: '/order' }, () => order.push('create'));
    const bad = new Promise((resolve) =>
      raw(a, 'getData', 42, (err: unknown) => {
        order.push('bad');
        resolve(err);
      }),
    );
    const read = call(a, 'exists', { path: '/order' }, () => order.push('exists'));
    const [, badReply, readReply] = await Promise.all([write, bad, read]);
    expect(badReply).toMatchObject({ name: 'BadArguments' });
    expect(readReply.result).toMatchObject({ stat: { version: 0 } });
    expect(order).toEqual(['create', 'bad', 'exists']);
  });
});
