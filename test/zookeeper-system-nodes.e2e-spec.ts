import { freePort } from './support/server-process';
import { removeTempDirs, tempDir } from './support/temp-dir';
import { startTestServer } from './support/test-server';
import {
  closeZkClients,
  connectZk,
  long,
  nzk,
  zkErrorOf,
  type NzkStat,
  type ZkTestClient,
} from './support/zookeeper-client';
import { runZkCli } from './support/zookeeper-cli';
import { findZooKeeper } from './support/zookeeper-install';
import { startZooKeeper } from './support/zookeeper-standalone';

// The same expectations against Zoonest and against Apache ZooKeeper 3.8 running as a quorum of
// one (the form in which ZooKeeper serves its server list in /zookeeper/config).

interface Target {
  name: string;
  start(): Promise<{ port: number; stop(): Promise<void> }>;
}

const zoonest: Target = {
  name: 'Zoonest',
  start: async () => {
    const server = await startTestServer();
    return { port: server.zkPort, stop: () => server.stop() };
  },
};

const install = findZooKeeper();
const zookeeper: Target = {
  name: 'Apache ZooKeeper',
  start: async () =>
    startZooKeeper(install!, {
      port: await freePort(),
      dataDir: await tempDir('zk-'),
      jvmFlags: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'],
      quorum: true,
    }),
};

const TARGETS = install ? [zoonest, zookeeper] : [zoonest];

const statOf = (s: NzkStat) => ({
  czxid: long(s.czxid),
  mzxid: long(s.mzxid),
  pzxid: long(s.pzxid),
  ctime: long(s.ctime),
  version: s.version,
  cversion: s.cversion,
  aversion: s.aversion,
  ephemeralOwner: long(s.ephemeralOwner),
  dataLength: s.dataLength,
  numChildren: s.numChildren,
});

const fresh = (change: Partial<ReturnType<typeof statOf>> = {}) => ({
  czxid: 0n,
  mzxid: 0n,
  pzxid: 0n,
  ctime: 0n,
  version: 0,
  cversion: 0,
  aversion: 0,
  ephemeralOwner: 0n,
  dataLength: 0,
  numChildren: 0,
  ...change,
});

const OPEN = [{ permission: 31, id: { scheme: 'world', id: 'anyone' } }];
const READ_ONLY = [{ permission: 1, id: { scheme: 'world', id: 'anyone' } }];

/** The quorum and election ports differ by server; everything else must match. */
const normalized = (config: string) =>
  config.replace(/^(server\.\d+=[^:]+):\d+:\d+:/gm, '$1:<quorum>:<election>:');

describe.each(TARGETS)('the /zookeeper subtree, as $name serves it', (target) => {
  let port: number;
  let stop: () => Promise<void>;
  let c: ZkTestClient;

  beforeAll(async () => {
    ({ port, stop } = await target.start());
    c = await connectZk(`127.0.0.1:${port}`);
  }, 40_000);

  afterAll(async () => {
    await closeZkClients();
    await stop();
    await removeTempDirs();
  });

  it('is there from the start with the Stat and ACLs of a new ZooKeeper', async () => {
    const root = await c.getChildren('/');
    expect(root.children).toEqual(['zookeeper']);
    expect(statOf(root.stat)).toEqual(fresh({ cversion: -1, numChildren: 1 }));
    const zk = await c.getChildren('/zookeeper');
    expect([...zk.children].sort()).toEqual(['config', 'quota']);
    expect(statOf(zk.stat)).toEqual(fresh({ cversion: -2, numChildren: 2 }));
    const quota = await c.getData('/zookeeper/quota');
    expect(statOf(quota.stat)).toEqual(fresh());
    expect((await c.getACL('/zookeeper')).acls).toEqual(OPEN);
    expect((await c.getACL('/zookeeper/quota')).acls).toEqual(OPEN);
    expect((await c.getACL('/zookeeper/config')).acls).toEqual(READ_ONLY);
  });

  it('lists the servers in /zookeeper/config in ZooKeeper’s format', async () => {
    const { data, stat } = await c.getData('/zookeeper/config');
    const text = data?.toString() ?? '';
    expect(normalized(text)).toBe(
      `server.1=127.0.0.1:<quorum>:<election>:participant;127.0.0.1:${port}\nversion=0`,
    );
    expect(statOf(stat)).toEqual(
      fresh({ version: -1, aversion: -1, dataLength: Buffer.byteLength(text) }),
    );
    expect(long(stat.mtime)).toBeGreaterThan(0n);
  });

  it('answers zkCli’s config and ls as ZooKeeper does', async () => {
    if (!install) return;
    const out = await runZkCli(install, `127.0.0.1:${port}`, { script: ['config', 'ls /'] });
    expect(normalized(out.out)).toContain(
      `server.1=127.0.0.1:<quorum>:<election>:participant;127.0.0.1:${port}\nversion=0\n`,
    );
    expect(out.out).toMatch(/^\[zookeeper\]$/m);
  });

  it('refuses to delete a system node or the root, and to change the configuration', async () => {
    for (const path of ['/', '/zookeeper', '/zookeeper/quota', '/zookeeper/config']) {
      expect([path, await zkErrorOf(c.remove(path))]).toEqual([path, 'BAD_ARGUMENTS']);
    }
    expect(await zkErrorOf(c.multi((t) => t.remove('/zookeeper/quota')))).toBe('BAD_ARGUMENTS');
    expect(await zkErrorOf(c.setData('/zookeeper/config', 'server.9=evil'))).toBe('NO_AUTH');
    expect(await zkErrorOf(c.setACL('/zookeeper/config', nzk.ACL.OPEN_ACL_UNSAFE))).toBe('NO_AUTH');
    expect(await zkErrorOf(c.create('/zookeeper/config/x'))).toBe('NO_AUTH');
    expect(await zkErrorOf(c.create('/zookeeper'))).toBe('NODE_EXISTS');
    expect((await c.getChildren('/zookeeper')).children.sort()).toEqual(['config', 'quota']);
  });

  it('lets a client add and remove nodes of its own below /zookeeper, as ZooKeeper does', async () => {
    await c.create('/zookeeper/mine', 'x');
    expect((await c.getChildren('/zookeeper')).children.sort()).toEqual([
      'config',
      'mine',
      'quota',
    ]);
    await c.remove('/zookeeper/mine');
    expect((await c.exists('/zookeeper/mine')) === null).toBe(true);
  });
});
