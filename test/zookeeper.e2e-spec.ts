import { createHash } from 'node:crypto';
import request from 'supertest';
import type { RunningServer } from '../src/server/start-server';
import { startTestServer } from './support/test-server';
import { closeClients, connect, ok } from './support/socketio-client';
import { removeTempDirs } from './support/temp-dir';
import {
  closeZkClients,
  connectZk,
  long,
  nzk,
  watchOnce,
  within,
  zkErrorOf,
  type NzkEvent,
  type ZkTestClient,
} from './support/zookeeper-client';

const MAX_PACKET = 64 * 1024;
/** The data a setData of /bin carries within MAX_PACKET: header, path and version take 24. */
const MAX_DATA = MAX_PACKET - 24;

const digest = (user: string, password: string) =>
  `${user}:${createHash('sha1').update(`${user}:${password}`).digest('base64')}`;

/** Every operation node-zookeeper-client (pure JavaScript) sends, against a real server. */
describe('ZooKeeper protocol with node-zookeeper-client', () => {
  let server: RunningServer;
  let address: string;
  let a: ZkTestClient;
  let b: ZkTestClient;

  beforeAll(async () => {
    server = await startTestServer({
      ZOONEST_JUTE_MAXBUFFER: MAX_PACKET,
    });
    address = `127.0.0.1:${server.zkPort}`;
    [a, b] = await Promise.all([connectZk(address), connectZk(address)]);
  });

  afterAll(async () => {
    await closeZkClients();
    closeClients();
    await server.stop();
    await removeTempDirs();
  });

  it('listens on its own port, opens a session per client and counts them in /metrics', async () => {
    expect(server.zkPort).toBeGreaterThan(0);
    expect(server.zkPort).not.toBe(server.httpPort);
    expect(a.sessionId).not.toBe(b.sessionId);
    expect(server.coordinator.session(a.sessionId)).toMatchObject({ transport: 'zookeeper' });
    const metrics = (await request(server.url).get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/^zoonest_zookeeper_connections 2$/m);
    expect(metrics).toMatch(/^zoonest_zookeeper_packets_total\{direction="received"\} [1-9]\d*$/m);
  });

  it('creates, reads, updates and deletes with a full Stat', async () => {
    expect(await a.create('/crud', 'one')).toBe('/crud');
    const got = await b.getData('/crud');
    expect(got.data?.toString()).toBe('one');
    expect(got.stat).toMatchObject({ version: 0, dataLength: 3, numChildren: 0 });
    expect(long(got.stat.czxid)).toBe(long(got.stat.mzxid));

    const set = await b.setData('/crud', 'three', 0);
    expect(set).toMatchObject({ version: 1, dataLength: 5 });
    expect(long(set.mzxid)).toBeGreaterThan(long(got.stat.mzxid));
    expect(await zkErrorOf(a.setData('/crud', 'stale', 0))).toBe('BAD_VERSION');
    expect(await zkErrorOf(a.remove('/crud', 0))).toBe('BAD_VERSION');

    const exists = await a.exists('/crud');
    expect(exists?.version).toBe(1);
    await a.remove('/crud', 1);
    expect(await a.exists('/crud')).toBeNull();
    expect(await zkErrorOf(a.getData('/crud'))).toBe('NO_NODE');
  });

  it('round-trips binary and empty data, and data up to the limit', async () => {
    const bytes = Buffer.from([0, 255, 1, 254, 10, 13]);
    await a.create('/bin', bytes);
    expect((await b.getData('/bin')).data).toEqual(bytes);
    await a.create('/empty');
    const empty = await b.getData('/empty');
    expect([empty.data?.length ?? 0, empty.stat.dataLength]).toEqual([0, 0]);

    const big = Buffer.alloc(MAX_DATA, 7);
    await a.setData('/bin', big);
    expect((await b.getData('/bin')).data).toEqual(big);
    // Past jute.maxbuffer ZooKeeper hangs up; the client reconnects and the session goes on.
    expect(await zkErrorOf(a.setData('/bin', Buffer.alloc(MAX_DATA + 1)))).toBe('CONNECTION_LOSS');
    expect((await a.getData('/bin')).stat.dataLength).toBe(MAX_DATA);
  });

  it('numbers sequential nodes and ties ephemerals to the session', async () => {
    await a.create('/seq');
    const first = await a.create('/seq/job-', 'x', { mode: nzk.CreateMode.PERSISTENT_SEQUENTIAL });
    const second = await b.create('/seq/job-', 'y', {
      mode: nzk.CreateMode.EPHEMERAL_SEQUENTIAL,
    });
    expect([first, second]).toEqual(['/seq/job-0000000000', '/seq/job-0000000001']);
    const stat = await a.exists(second);
    expect(long(stat!.ephemeralOwner)).toBe(b.sessionId);
    expect(long((await a.exists(first))!.ephemeralOwner)).toBe(0n);

    const children = await a.getChildren('/seq');
    expect(children.children.sort()).toEqual(['job-0000000000', 'job-0000000001']);
    expect(children.stat).toMatchObject({ numChildren: 2, cversion: 2 });
  });

  it('answers failures with ZooKeeper error codes and keeps serving', async () => {
    await a.create('/err');
    await a.create('/err/child');
    await a.create('/err/eph', null, { mode: nzk.CreateMode.EPHEMERAL });
    const codes = await Promise.all([
      zkErrorOf(a.create('/err')),
      zkErrorOf(a.remove('/err')),
      zkErrorOf(a.create('/missing/child')),
      zkErrorOf(a.create('/err/eph/under')),
      zkErrorOf(a.getChildren('/missing')),
      zkErrorOf(a.getACL('/missing')),
      zkErrorOf(a.setACL('/missing', nzk.ACL.OPEN_ACL_UNSAFE)),
      zkErrorOf(a.remove('/missing')),
    ]);
    expect(codes).toEqual([
      'NODE_EXISTS',
      'NOT_EMPTY',
      'NO_NODE',
      'NO_CHILDREN_FOR_EPHEMERALS',
      'NO_NODE',
      'NO_NODE',
      'NO_NODE',
      'NO_NODE',
    ]);
    expect((await a.getChildren('/err')).children.sort()).toEqual(['child', 'eph']);
  });

  it('fires one-shot data, exists and child watches once each, in order', async () => {
    await a.create('/w');
    const data = watchOnce();
    const exist = watchOnce();
    const child = watchOnce();
    const events: NzkEvent[] = [];
    await b.getData('/w', data.watcher);
    await b.exists('/w/new', exist.watcher);
    await b.getChildren('/w', child.watcher);
    await b.getData('/w', (e) => events.push(e));

    await a.setData('/w', 'changed');
    await a.create('/w/new');
    const got = await within(Promise.all([data.event, exist.event, child.event]), 3000, 'events');
    expect(got.map((e) => [e.getName(), e.getPath()])).toEqual([
      ['NODE_DATA_CHANGED', '/w'],
      ['NODE_CREATED', '/w/new'],
      ['NODE_CHILDREN_CHANGED', '/w'],
    ]);
    // One-shot: a second change is not reported to a watch already fired.
    await a.setData('/w', 'again');
    await b.getData('/w');
    expect(events.map((e) => e.getName())).toEqual(['NODE_DATA_CHANGED']);

    const deleted = watchOnce();
    await b.exists('/w/new', deleted.watcher);
    await a.remove('/w/new');
    expect((await within(deleted.event, 3000, 'delete event')).getName()).toBe('NODE_DELETED');
  });

  it('tells a watcher before it can read the new state', async () => {
    await a.create('/order', '0');
    let eventSeen = false;
    await b.getData('/order', () => (eventSeen = true));
    await a.setData('/order', '1');
    // b's read is answered after the event: node-zookeeper-client handles frames in order.
    const read = await b.getData('/order');
    expect([read.data?.toString(), eventSeen]).toEqual(['1', true]);
  });

  it('sees nodes created over REST and hears of changes made over Socket.IO', async () => {
    const http = request(server.url);
    await http.post('/api/v1/znodes/cross').send({ data: 'from-rest' }).expect(201);
    expect((await a.getData('/cross')).data?.toString()).toBe('from-rest');

    const changed = watchOnce();
    await a.getData('/cross', changed.watcher);
    const { socket } = await connect(server.url);
    await ok(socket, 'setData', { path: '/cross', data: 'from-socketio' });
    const event = await within(changed.event, 3000, 'watch event');
    expect([event.getName(), event.getPath()]).toEqual(['NODE_DATA_CHANGED', '/cross']);
    expect((await a.getData('/cross')).data?.toString()).toBe('from-socketio');
  });

  it('enforces digest and ip ACLs, and reads and sets them', async () => {
    const owner = new nzk.ACL(nzk.Permission.ALL, new nzk.Id('digest', digest('alice', 'pw')));
    const reader = new nzk.ACL(nzk.Permission.READ, new nzk.Id('ip', '127.0.0.1'));
    await a.create('/secret', 's3cret', { acl: [owner, reader] });

    const acl = await b.getACL('/secret');
    expect(acl.acls.map((x) => [x.id.scheme, x.id.id, x.permission])).toEqual([
      ['digest', digest('alice', 'pw'), nzk.Permission.ALL],
      ['ip', '127.0.0.1', nzk.Permission.READ],
    ]);
    expect((await b.getData('/secret')).data?.toString()).toBe('s3cret');
    expect(await zkErrorOf(b.setData('/secret', 'x'))).toBe('NO_AUTH');
    expect(await zkErrorOf(b.create('/secret/child'))).toBe('NO_AUTH');

    const alice = await connectZk(address);
    alice.raw.addAuthInfo('digest', Buffer.from('alice:pw'));
    await alice.setData('/secret', 'updated');
    const stat = await alice.setACL('/secret', nzk.ACL.READ_ACL_UNSAFE, 0);
    expect(stat.aversion).toBe(1);
    expect(await zkErrorOf(alice.setACL('/secret', nzk.ACL.OPEN_ACL_UNSAFE, 0))).toBe('NO_AUTH');
    expect((await b.getData('/secret')).data?.toString()).toBe('updated');
    await alice.close();
  });

  it('fails a session whose auth packet names an unknown scheme, as ZooKeeper does', async () => {
    const c = await connectZk(address);
    const failed = new Promise<void>((resolve) =>
      c.raw.once('authenticationFailed', () => resolve()),
    );
    c.raw.addAuthInfo('kerberos', Buffer.from('whatever'));
    await within(failed, 3000, 'authenticationFailed');
    expect(c.raw.getState().name).toBe('AUTH_FAILED');
  });

  it('commits a multi all or nothing with per-op results', async () => {
    await a.create('/tx');
    const results = await a.multi((tx) =>
      tx
        .create('/tx/a', Buffer.from('1'))
        .create('/tx/seq-', undefined, undefined, nzk.CreateMode.PERSISTENT_SEQUENTIAL)
        .setData('/tx/a', Buffer.from('2'), 0)
        .check('/tx', 0)
        .remove('/tx/a', 1),
    );
    expect(results.map((r) => r.type)).toEqual([1, 1, 5, 13, 2]);
    expect(results[1]?.path).toBe('/tx/seq-0000000001');
    expect(results[2]?.stat?.version).toBe(1);

    let failure: unknown;
    let partial: Array<{ type: number; err?: number }> = [];
    await new Promise<void>((resolve) =>
      a.raw
        .transaction()
        .create('/tx/b')
        .setData('/tx/missing', Buffer.from('x'))
        .create('/tx/c')
        .commit((err, res) => {
          failure = err;
          partial = res;
          resolve();
        }),
    );
    expect((failure as { getName(): string }).getName()).toBe('NO_NODE');
    // Header err 0, then one error result per op: 0, the failing code, RuntimeInconsistency.
    expect(partial.map((r) => [r.type, r.err])).toEqual([
      [-1, 0],
      [-1, -101],
      [-1, -2],
    ]);
    expect(await a.exists('/tx/b')).toBeNull();
    expect((await a.getChildren('/tx')).children).toEqual(['seq-0000000001']);
  });

  it('works under a chroot given in the connect string', async () => {
    await a.create('/app');
    const rooted = await connectZk(`${address}/app`);
    expect(await rooted.create('/config', 'v1')).toBe('/config');
    expect((await a.getData('/app/config')).data?.toString()).toBe('v1');

    const changed = watchOnce();
    await rooted.getData('/config', changed.watcher);
    await a.setData('/app/config', 'v2');
    expect((await within(changed.event, 3000, 'chrooted event')).getPath()).toBe('/config');
    const tx = await rooted.multi((t) => t.create('/inner').check('/config', 1));
    expect(tx[0]?.path).toBe('/inner');
    await rooted.close();
  });

  it('answers many pipelined requests in order', async () => {
    await a.create('/many');
    const n = 300;
    const created = await Promise.all(
      Array.from({ length: n }, (_, i) => a.create(`/many/n${i}`, String(i))),
    );
    expect(created).toEqual(Array.from({ length: n }, (_, i) => `/many/n${i}`));
    const reads = await Promise.all(Array.from({ length: n }, (_, i) => b.getData(`/many/n${i}`)));
    expect(reads.map((r) => r.data?.toString())).toEqual(
      Array.from({ length: n }, (_, i) => String(i)),
    );
  });
});
