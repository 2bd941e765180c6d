import request from 'supertest';
import type { RunningServer } from '../src/server/start-server';
import { startTestServer } from './support/test-server';
import { removeTempDirs } from './support/temp-dir';
import { closeZkClients, connectZk, type ZkTestClient } from './support/zookeeper-client';
import { runZkCli, ZkCliSession } from './support/zookeeper-cli';
import { findZooKeeper, ZOOKEEPER_MISSING } from './support/zookeeper-install';

const install = findZooKeeper();
if (!install) console.warn(`zkCli tests skipped: ${ZOOKEEPER_MISSING}`);
const suite = install ? describe : describe.skip;

/** Apache ZooKeeper's own Java client, zkCli.sh, mostly in batch mode: one command per run. */
suite(`zkCli.sh against Zoonest${install ? '' : ` (skipped: ${ZOOKEEPER_MISSING})`}`, () => {
  let server: RunningServer;
  let at: string;
  let js: ZkTestClient;
  const sessions: ZkCliSession[] = [];

  const cli = (...args: string[]) => runZkCli(install!, at, { args });
  const script = (...lines: string[]) => runZkCli(install!, at, { script: lines });
  const interactive = async () => {
    const s = await ZkCliSession.open(install!, at);
    sessions.push(s);
    return s;
  };

  beforeAll(async () => {
    server = await startTestServer();
    at = `127.0.0.1:${server.zkPort}`;
    js = await connectZk(at);
    await js.create('/cli');
  });

  afterAll(async () => {
    for (const s of sessions) s.kill();
    await closeZkClients();
    await server.stop();
    await removeTempDirs();
  });

  it('creates, reads, sets and deletes, with ZooKeeper’s messages and exit codes', async () => {
    const created = await cli('create', '/cli/node', 'hello');
    expect([created.code, created.out]).toEqual([0, expect.stringContaining('Created /cli/node')]);
    const [get, stat, dup, missing] = await Promise.all([
      cli('get', '-s', '/cli/node'),
      cli('stat', '/cli/node'),
      cli('create', '/cli/node', 'again'),
      cli('get', '/cli/missing'),
    ]);
    expect(get.out).toMatch(/^hello$/m);
    expect(get.out).toMatch(/^dataVersion = 0$/m);
    expect(get.out).toMatch(/^dataLength = 5$/m);
    expect(stat.out).toMatch(/^numChildren = 0$/m);
    expect([dup.code, dup.out]).toEqual([
      1,
      expect.stringContaining('Node already exists: /cli/node'),
    ]);
    expect([missing.code, missing.out]).toEqual([
      1,
      expect.stringContaining('Node does not exist: /cli/missing'),
    ]);

    expect((await cli('set', '-v', '0', '/cli/node', 'bye')).code).toBe(0);
    const stale = await cli('set', '-v', '0', '/cli/node', 'late');
    expect(stale.out).toContain('version No is not valid : /cli/node');
    expect((await js.getData('/cli/node')).data?.toString()).toBe('bye');

    const notEmpty = await cli('delete', '/cli');
    expect([notEmpty.code, notEmpty.out]).toEqual([
      1,
      expect.stringContaining('Node not empty: /cli'),
    ]);
    expect((await cli('delete', '/cli/node')).code).toBe(0);
    expect(await js.exists('/cli/node')).toBeNull();
  });

  it('creates sequential, ephemeral, container and TTL nodes', async () => {
    const [seq, container, ttl] = await Promise.all([
      cli('create', '-s', '/cli/seq-', 'x'),
      cli('create', '-c', '/cli/box'),
      cli('create', '-t', '60000', '/cli/ttl', 'x'),
    ]);
    // The suffix counts the parent's child changes so far, as ZooKeeper's cversion does.
    expect(seq.out).toMatch(/^Created \/cli\/seq-\d{10}$/m);
    expect(container.out).toContain('Created /cli/box');
    expect(ttl.out).toContain('Created /cli/ttl');
    const kinds = await request(server.url).get('/api/v1/znodes/cli?children=true').expect(200);
    expect(kinds.body.children).toEqual(expect.arrayContaining(['box', 'ttl']));

    // The ephemeral lives only as long as zkCli's session: gone once it quits.
    const eph = await script('create -e /cli/eph', 'ls /cli');
    expect(eph.out).toMatch(/\[.*eph.*\]/);
    expect(await js.exists('/cli/eph')).toBeNull();
  });

  it('lists, counts and finds ephemerals', async () => {
    await js.create('/cli/list');
    await js.create('/cli/list/a');
    await js.create('/cli/list/a/deep');
    await js.create('/cli/list/b');
    const [ls, stat, tree, count] = await Promise.all([
      cli('ls', '/cli/list'),
      cli('ls', '-s', '/cli/list'),
      cli('ls', '-R', '/cli/list'),
      cli('getAllChildrenNumber', '/cli/list'),
    ]);
    expect(ls.out).toMatch(/^\[a, b\]$/m);
    expect(stat.out).toMatch(/^numChildren = 2$/m);
    expect(tree.out).toMatch(/^\/cli\/list\/a\/deep$/m);
    expect(count.out).toMatch(/^3$/m);
    const own = await script('create -e /cli/list/mine', 'getEphemerals /cli/list');
    expect(own.out).toMatch(/^\[\/cli\/list\/mine\]$/m);
  });

  it('reads and sets ACLs, and authenticates with addauth digest', async () => {
    await js.create('/cli/secret', 'hidden');
    const locked = await script(
      'addauth digest alice:pw',
      'setAcl /cli/secret auth:alice:pw:cdrwa',
      'getAcl /cli/secret',
      'get /cli/secret',
      'whoami',
    );
    expect(locked.out).toMatch(/^'digest,'alice:[A-Za-z0-9+/=]+$/m);
    expect(locked.out).toMatch(/^: cdrwa$/m);
    expect(locked.out).toMatch(/^hidden$/m);
    expect(locked.out).toMatch(/^digest: alice$/m);
    const refused = await cli('get', '/cli/secret');
    expect([refused.code, refused.out]).toEqual([
      1,
      expect.stringContaining('Insufficient permission : /cli/secret'),
    ]);
  });

  it('answers whoami, sync and deleteall (a multi)', async () => {
    await js.create('/cli/doomed');
    await js.create('/cli/doomed/a');
    await js.create('/cli/doomed/a/b');
    const [who, sync, gone] = await Promise.all([
      cli('whoami'),
      cli('sync', '/cli'),
      cli('deleteall', '/cli/doomed'),
    ]);
    expect(who.out).toMatch(/^ip: 127\.0\.0\.1$/m);
    expect(sync.out).toContain('Sync is OK');
    expect(gone.code).toBe(0);
    expect(await js.exists('/cli/doomed')).toBeNull();
  });

  it('sees changes made over REST, and its watches fire on changes made by others', async () => {
    await request(server.url).post('/api/v1/znodes/cli/shared').send({ data: 'rest' }).expect(201);
    const zkCli = await interactive();
    zkCli.send('get -w /cli/shared');
    await zkCli.waitFor(/^rest$/m);
    zkCli.send('ls -w /cli/shared');
    zkCli.send('stat -w /cli/shared/kid');
    await zkCli.waitFor(/Node does not exist: \/cli\/shared\/kid/);

    await js.setData('/cli/shared', 'js');
    await zkCli.waitFor(/type:NodeDataChanged path:\/cli\/shared$/m);
    await js.create('/cli/shared/kid');
    await zkCli.waitFor(/type:NodeCreated path:\/cli\/shared\/kid$/m);
    await zkCli.waitFor(/type:NodeChildrenChanged path:\/cli\/shared$/m);
    await zkCli.quit();
  });

  it('keeps persistent and recursive watches from addWatch until removewatches', async () => {
    await js.create('/cli/tree');
    const zkCli = await interactive();
    zkCli.send('addWatch -m PERSISTENT_RECURSIVE /cli/tree');
    zkCli.send('addWatch -m PERSISTENT /cli');
    zkCli.send('sync /cli');
    await zkCli.waitFor(/Sync is OK/);

    await js.create('/cli/tree/a');
    await js.create('/cli/tree/a/b');
    await js.setData('/cli/tree/a/b', 'x');
    await js.setData('/cli', 'y');
    await zkCli.waitFor(/type:NodeCreated path:\/cli\/tree\/a\/b$/m);
    await zkCli.waitFor(/type:NodeDataChanged path:\/cli\/tree\/a\/b$/m);
    await zkCli.waitFor(/type:NodeDataChanged path:\/cli$/m);
    expect(zkCli.output).toMatch(/type:NodeCreated path:\/cli\/tree\/a$/m);

    zkCli.send('removewatches /cli/tree');
    await zkCli.waitFor(/type:PersistentWatchRemoved path:\/cli\/tree$/m);
    await js.create('/cli/tree/after');
    zkCli.send('sync /cli');
    await zkCli.waitFor(/Sync is OK[\s\S]*Sync is OK/);
    expect(zkCli.output).not.toContain('path:/cli/tree/after');
    expect(await zkCli.quit()).toBe(0);
  });
});
