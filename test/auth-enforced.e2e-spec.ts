import { createHash } from 'node:crypto';
import { ZoonestClient } from '@zoonest/client';
import type { RunningServer } from '../src/server/start-server';
import { RecipeRest } from './support/recipes-rest';
import { freePort } from './support/server-process';
import { call, connect } from './support/socketio-client';
import { removeTempDirs, tempDir } from './support/temp-dir';
import { startTestServer } from './support/test-server';
import { runZkCli } from './support/zookeeper-cli';
import {
  closeZkClients,
  connectZk,
  nzk,
  type NzkException,
  type ZkTestClient,
} from './support/zookeeper-client';
import { findZooKeeper } from './support/zookeeper-install';
import {
  bool,
  buffer,
  closeWireConnections,
  int,
  request,
  session,
  ustring,
} from './support/zookeeper-wire';
import { OpCode } from '../src/transports/zookeeper/jute/op-code';
import { startZooKeeper, type ZooKeeperProcess } from './support/zookeeper-standalone';

const install = findZooKeeper();
const describeWithZooKeeper = install ? describe : describe.skip;

const digest = (userPassword: string) =>
  `${userPassword.split(':')[0]}:${createHash('sha1').update(userPassword).digest('base64')}`;
const SUPER_DIGEST = digest('super:s3cret');
const BOB_ONLY = [new nzk.ACL(nzk.Permission.ALL, new nzk.Id('digest', digest('bob:pw')))];
const ADMIN_PASSWORD = 'dashboard-pw';

/** The ZooKeeper error code a promise rejects with, or 0. */
async function codeOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 0;
  } catch (err) {
    return (err as NzkException).getCode();
  }
}

/** What an unauthenticated session gets: its pipelined getData and exists, a ping, an auth. */
const REFUSAL = {
  first: { xid: 1, zxid: 0n, err: -124 },
  closed: true,
  authed: { xid: 2, err: 0 },
};

async function refusalOf(port: number) {
  const anonymous = await session(port);
  anonymous.conn.send(
    request(1, OpCode.getData, ustring('/locked'), bool(false)),
    request(2, OpCode.exists, ustring('/'), bool(false)),
  );
  const { xid, zxid, err } = await anonymous.conn.reply();
  const closed = await anonymous.conn.closesWithin(3000);
  // Authenticating first, in the same flight, lets the next request through.
  const authed = await session(port);
  authed.conn.send(
    request(-4, OpCode.auth, int(0), ustring('digest'), buffer(Buffer.from('bob:pw'))),
    request(2, OpCode.exists, ustring('/'), bool(false)),
  );
  await authed.conn.reply();
  const after = await authed.conn.reply();
  authed.conn.close();
  return { first: { xid, zxid, err }, closed, authed: { xid: after.xid, err: after.err } };
}

async function connectAs(at: string, userPassword?: string): Promise<ZkTestClient> {
  const client = await connectZk(at);
  if (userPassword) client.raw.addAuthInfo('digest', Buffer.from(userPassword));
  return client;
}

/** enforce.auth, the super user and whoAmI, on every transport and beside Apache ZooKeeper. */
describe('required authentication and the super user', () => {
  let server: RunningServer;
  let zookeeper: ZooKeeperProcess | undefined;
  let ours: string;
  let theirs = '';

  beforeAll(async () => {
    server = await startTestServer({
      ZOONEST_ENFORCE_AUTH_ENABLED: 'true',
      ZOONEST_ENFORCE_AUTH_SCHEMES: 'digest',
      ZOONEST_SUPER_DIGEST: SUPER_DIGEST,
      ZOONEST_ADMIN_AS_SUPER_USER: 'true',
      ZOONEST_ADMIN_PASSWORD: ADMIN_PASSWORD,
    });
    ours = `127.0.0.1:${server.zkPort}`;
    if (install) {
      zookeeper = await startZooKeeper(install, {
        port: await freePort(),
        dataDir: await tempDir('zk-'),
        jvmFlags: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'],
        config: [
          'enforce.auth.enabled=true',
          'enforce.auth.schemes=digest',
          `DigestAuthenticationProvider.superDigest=${SUPER_DIGEST}`,
        ],
      });
      theirs = `127.0.0.1:${zookeeper.port}`;
    }
    for (const at of [ours, ...(install ? [theirs] : [])]) {
      const bob = await connectAs(at, 'bob:pw');
      await bob.create('/locked', 'secret', { acl: BOB_ONLY });
      await bob.close();
    }
  }, 40_000);

  afterAll(async () => {
    closeWireConnections();
    await closeZkClients();
    await zookeeper?.stop();
    await server.stop();
    await removeTempDirs();
  });

  it('refuses a wire-protocol session that has not authenticated, then closes it', async () => {
    expect(await refusalOf(server.zkPort)).toEqual(REFUSAL);
    const bob = await connectAs(ours, 'bob:pw');
    await expect(bob.getData('/locked')).resolves.toMatchObject({ data: Buffer.from('secret') });
  });

  it('lets the super user read and repair a node whose ACL locks everyone else out', async () => {
    const wrong = await connectAs(ours, 'super:wrong');
    expect(await codeOf(wrong.getData('/locked'))).toBe(nzk.Exception.NO_AUTH);
    const root = await connectAs(ours, 'super:s3cret');
    await expect(root.getData('/locked')).resolves.toMatchObject({ data: Buffer.from('secret') });
    await root.setACL('/locked', [
      ...BOB_ONLY,
      new nzk.ACL(nzk.Permission.READ, new nzk.Id('ip', '10.0.0.0/8')),
    ]);
    expect((await root.getACL('/locked')).acls).toHaveLength(2);
    await root.setACL('/locked', BOB_ONLY);
  });

  it('refuses REST calls and recipe endpoints until the session authenticates', async () => {
    const rest = await new RecipeRest(server.url).open(10_000);
    const refused = await rest.get('/api/v1/znodes/');
    expect([refused.status, refused.body.error.name]).toEqual([
      403,
      'SessionClosedRequireSaslAuth',
    ]);
    const recipe = await rest.post('/api/v1/queues/jobs/items', { data: 'x' });
    expect([recipe.status, recipe.body.error.code]).toEqual([403, -124]);
    const bare = await fetch(`${server.url}/api/v1/znodes/locked`);
    expect(bare.status).toBe(403);
    const auth = await rest.post(`/api/v1/sessions/${rest.sessionId}/auth`, {
      scheme: 'digest',
      credentials: 'bob:pw',
    });
    expect(auth.status).toBeLessThan(300);
    expect((await rest.get('/api/v1/znodes/locked')).body.data).toBe('secret');
    expect((await rest.post('/api/v1/queues/jobs/items', { data: 'x' })).status).toBeLessThan(300);
    await rest.close();
  });

  it('refuses Socket.IO and SDK requests until the session authenticates', async () => {
    const { socket } = await connect(server.url, { timeoutMs: 10_000 });
    const before = await call(socket, 'getData', { path: '/locked' });
    expect(before.error).toMatchObject({ code: -124, name: 'SessionClosedRequireSaslAuth' });
    expect(
      (await call(socket, 'addAuth', { scheme: 'digest', credentials: 'bob:pw' })).error,
    ).toBeNull();
    expect(
      (await call(socket, 'getData', { path: '/locked', encoding: 'utf8' })).result,
    ).toMatchObject({
      data: 'secret',
    });
    socket.close();

    const anonymous = await ZoonestClient.connect({ servers: [server.url] });
    await expect(anonymous.getData('/locked')).rejects.toMatchObject({ code: -124 });
    await anonymous.close();
    const bob = await ZoonestClient.connect({
      servers: [server.url],
      auth: { scheme: 'digest', credentials: 'bob:pw' },
    });
    await expect(bob.getData('/locked', { encoding: 'utf8' })).resolves.toMatchObject({
      data: 'secret',
    });
    await bob.close();
  });

  it('lets the dashboard act as the super user, and says so', async () => {
    const login = await fetch(`${server.url}/api/v1/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(await login.json()).toMatchObject({ user: 'admin', superUser: true });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = await fetch(`${server.url}/api/v1/admin/me`, { headers: { cookie } });
    expect(await me.json()).toEqual({ user: 'admin', superUser: true });
    const node = await fetch(`${server.url}/api/v1/admin/znodes/node?path=/locked`, {
      headers: { cookie },
    });
    expect([node.status, (await node.json()).stat.dataLength]).toEqual([200, 6]);
  });

  describeWithZooKeeper('beside Apache ZooKeeper', () => {
    it('refuses an unauthenticated zkCli with the same error', async () => {
      const line = /KeeperErrorCode = .*/;
      const [a, b] = await Promise.all([
        runZkCli(install!, ours, { args: ['ls', '/'] }),
        runZkCli(install!, theirs, { args: ['ls', '/'] }),
      ]);
      expect(a.out.match(line)?.[0]).toBe(
        'KeeperErrorCode = Session closed because client failed to authenticate for /',
      );
      expect(a.out.match(line)?.[0]).toBe(b.out.match(line)?.[0]);
    });

    it('names the same identities in whoami, and lets the super user through', async () => {
      const script = ['addauth digest super:s3cret', 'whoami', 'get /locked'];
      const [a, b] = await Promise.all([
        runZkCli(install!, ours, { script }),
        runZkCli(install!, theirs, { script }),
      ]);
      const identities = (out: string) =>
        out
          .split('\n')
          .filter((l) => /^(ip|digest|super): /.test(l))
          .sort();
      expect(identities(a.out)).toEqual(['digest: super', 'ip: 127.0.0.1', 'super: ']);
      expect(identities(a.out)).toEqual(identities(b.out));
      expect(a.out).toMatch(/^secret$/m);
      expect(b.out).toMatch(/^secret$/m);
    });

    it('answers the wire protocol the same way, before and after auth', async () => {
      expect(await refusalOf(zookeeper!.port)).toEqual(await refusalOf(server.zkPort));
      for (const at of [ours, theirs]) {
        const wrong = await connectAs(at, 'super:nope');
        expect([at, await codeOf(wrong.getData('/locked'))]).toEqual([at, nzk.Exception.NO_AUTH]);
        const bob = await connectAs(at, 'bob:pw');
        expect([at, await codeOf(bob.getData('/locked'))]).toEqual([at, 0]);
      }
    });
  });
});
