import { Perms } from './acl';
import { authenticate, digestId, fixupAcl, ipMatches, permitted, WORLD_ANYONE } from './auth';
import { ZkCode } from './zk-code';
import { ZkError } from './zk-error';

function codeOf(fn: () => unknown): ZkCode | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as ZkError).code;
  }
}

describe('auth', () => {
  it('computes digest ids as ZooKeeper does', () => {
    // zkCli: addauth digest super:admin -> super:xQJmxLMiHGwaqBvst5y6rkB6HQs=
    expect(digestId('super:admin')).toBe('super:xQJmxLMiHGwaqBvst5y6rkB6HQs=');
  });

  it('authenticates digest credentials and refuses unknown schemes', () => {
    expect(authenticate('digest', 'bob:pw')).toEqual([
      { scheme: 'digest', id: digestId('bob:pw') },
    ]);
    expect(authenticate('digest', 'root:pw', digestId('root:pw'))).toEqual([
      { scheme: 'super', id: '' },
      { scheme: 'digest', id: digestId('root:pw') },
    ]);
    expect(codeOf(() => authenticate('kerberos', 'x'))).toBe(ZkCode.AuthFailed);
    expect(codeOf(() => authenticate('digest', 'nocolon'))).toBe(ZkCode.AuthFailed);
  });

  it('matches ip ids with and without a prefix length', () => {
    expect(ipMatches('127.0.0.1', '127.0.0.1')).toBe(true);
    expect(ipMatches('127.0.0.1', '::ffff:127.0.0.1')).toBe(true);
    expect(ipMatches('10.0.0.0/8', '10.2.3.4')).toBe(true);
    expect(ipMatches('10.0.0.0/8', '11.2.3.4')).toBe(false);
    expect(ipMatches('127.0.0.2', '127.0.0.1')).toBe(false);
  });

  it('checks permissions per entry', () => {
    const bob = { scheme: 'digest', id: digestId('bob:pw') };
    const acl = [
      { scheme: 'digest', id: bob.id, perms: Perms.ALL },
      { scheme: 'world', id: 'anyone', perms: Perms.READ },
    ];
    expect(permitted(acl, Perms.READ, [WORLD_ANYONE])).toBe(true);
    expect(permitted(acl, Perms.WRITE, [WORLD_ANYONE])).toBe(false);
    expect(permitted(acl, Perms.WRITE, [WORLD_ANYONE, bob])).toBe(true);
    expect(permitted([], Perms.ADMIN, [])).toBe(true);
    expect(permitted(acl, Perms.ADMIN, [{ scheme: 'super', id: '' }])).toBe(true);
  });

  it('expands the auth scheme and rejects invalid ACLs', () => {
    const bob = { scheme: 'digest', id: digestId('bob:pw') };
    expect(
      fixupAcl([{ scheme: 'auth', id: '', perms: Perms.ALL }], [WORLD_ANYONE, bob], '/x'),
    ).toEqual([{ scheme: 'digest', id: bob.id, perms: Perms.ALL }]);
    const invalid = (acl: Parameters<typeof fixupAcl>[0]) =>
      codeOf(() => fixupAcl(acl, [WORLD_ANYONE], '/x'));
    expect(invalid([])).toBe(ZkCode.InvalidACL);
    expect(invalid([{ scheme: 'auth', id: '', perms: 31 }])).toBe(ZkCode.InvalidACL);
    expect(invalid([{ scheme: 'world', id: 'someone', perms: 31 }])).toBe(ZkCode.InvalidACL);
    expect(invalid([{ scheme: 'digest', id: 'nohash', perms: 31 }])).toBe(ZkCode.InvalidACL);
    expect(invalid([{ scheme: 'ip', id: '1.2.3.4/40', perms: 31 }])).toBe(ZkCode.InvalidACL);
    expect(invalid([{ scheme: 'x509', id: 'cn', perms: 31 }])).toBe(ZkCode.InvalidACL);
    expect(invalid([{ scheme: 'world', id: 'anyone', perms: 64 }])).toBe(ZkCode.InvalidACL);
  });
});
