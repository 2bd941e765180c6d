import { randomBytes } from 'node:crypto';
import { Perms } from './acl';
import { digestId } from './auth';
import type { AuthPolicy } from './auth-policy';
import { Coordinator } from './coordinator';
import type { ClientContext } from './coordinator-types';
import { InMemoryTxnStore } from './in-memory-txn-store';
import { ZkError } from './zk-error';

const SUPER_DIGEST = digestId('super:s3cret');

async function open(auth: AuthPolicy): Promise<Coordinator> {
  return Coordinator.open({
    store: new InMemoryTxnStore(),
    clock: { now: () => 1_700_000_000_000 },
    entropy: { randomBytes },
    scheduler: { defer: (fn) => setImmediate(fn) },
    limits: {
      juteMaxBuffer: 1024,
      minSessionTimeoutMs: 4_000,
      maxSessionTimeoutMs: 40_000,
      maxPendingWrites: 1_000,
    },
    auth,
    elapsed: () => performance.now(),
  });
}

async function session(zk: Coordinator): Promise<ClientContext> {
  const s = await zk.openSession(10_000, { transport: 'test', remoteAddress: '127.0.0.1' });
  return { sessionId: s.sessionId, remoteAddress: '127.0.0.1' };
}

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    if (!(err instanceof ZkError)) throw err;
    return err.codeName;
  }
}

const locked = [{ scheme: 'digest', id: digestId('bob:pw'), perms: Perms.ALL }];

describe('enforce.auth', () => {
  it('lets a session do nothing until it proves a required scheme', async () => {
    const zk = await open({ requiredSchemes: ['digest'] });
    const ctx = await session(zk);
    expect(zk.authenticated(ctx)).toBe(false);
    expect(await codeOf(zk.getData(ctx, '/'))).toBe('SessionClosedRequireSaslAuth');
    expect(await codeOf(zk.create(ctx, '/a', Buffer.from('')))).toBe(
      'SessionClosedRequireSaslAuth',
    );
    expect(await codeOf(zk.getChildren({ sessionId: 0n, remoteAddress: '::1' }, '/'))).toBe(
      'SessionClosedRequireSaslAuth',
    );
    zk.addAuth(ctx.sessionId, 'digest', 'bob:pw');
    expect(zk.authenticated(ctx)).toBe(true);
    await expect(zk.create(ctx, '/a', Buffer.from('x'))).resolves.toMatchObject({ path: '/a' });
  });

  it('counts identities the transport vouches for, and the address for the ip scheme', async () => {
    const zk = await open({ requiredSchemes: ['x509'] });
    const cert: ClientContext = {
      sessionId: 0n,
      remoteAddress: '127.0.0.1',
      ids: [{ scheme: 'x509', id: 'CN=app' }],
    };
    await expect(zk.exists(cert, '/')).resolves.not.toBeNull();
    const byAddress = await open({ requiredSchemes: ['ip'] });
    await expect(
      byAddress.exists({ sessionId: 0n, remoteAddress: '10.0.0.1' }, '/'),
    ).resolves.not.toBeNull();
  });

  it('requires nobody to authenticate by default', async () => {
    const zk = await open({ requiredSchemes: [] });
    await expect(zk.exists(await session(zk), '/')).resolves.not.toBeNull();
  });
});

describe('the super user', () => {
  it('passes every ACL once it proves the superDigest, and whoAmI names it', async () => {
    const zk = await open({ requiredSchemes: [], superDigest: SUPER_DIGEST });
    const bob = await session(zk);
    zk.addAuth(bob.sessionId, 'digest', 'bob:pw');
    await zk.create(bob, '/locked', Buffer.from('x'), { acl: locked });
    const root = await session(zk);
    expect(await codeOf(zk.getData(root, '/locked'))).toBe('NoAuth');
    expect(zk.addAuth(root.sessionId, 'digest', 'super:s3cret')).toEqual({
      scheme: 'digest',
      id: SUPER_DIGEST,
    });
    expect(zk.identities(root)).toEqual([
      { scheme: 'ip', id: '127.0.0.1' },
      { scheme: 'super', id: '' },
      { scheme: 'digest', id: SUPER_DIGEST },
    ]);
    await expect(zk.getData(root, '/locked')).resolves.toMatchObject({ data: Buffer.from('x') });
    await zk.setACL(root, '/locked', [{ scheme: 'world', id: 'anyone', perms: Perms.READ }]);
    await expect(
      zk.getData({ sessionId: 0n, remoteAddress: '::1' }, '/locked'),
    ).resolves.toBeTruthy();
  });

  it('is not whoever proves a wrong password for the super user', async () => {
    const zk = await open({ requiredSchemes: [], superDigest: SUPER_DIGEST });
    const bob = await session(zk);
    zk.addAuth(bob.sessionId, 'digest', 'bob:pw');
    await zk.create(bob, '/locked', Buffer.from('x'), { acl: locked });
    const guess = await session(zk);
    zk.addAuth(guess.sessionId, 'digest', 'super:wrong');
    expect(zk.identities(guess).map((id) => id.scheme)).toEqual(['ip', 'digest']);
    expect(await codeOf(zk.getData(guess, '/locked'))).toBe('NoAuth');
    expect(await codeOf(zk.setData(guess, '/locked', Buffer.from('y')))).toBe('NoAuth');
  });
});
