import { OPEN_ACL_UNSAFE, Perms } from './acl';
import { AclTable } from './acl-table';

const READ_ONLY = [{ scheme: 'world', id: 'anyone', perms: Perms.READ }];

describe('AclTable', () => {
  it('gives equal lists one index, and different lists different ones', () => {
    const acls = new AclTable();
    const a = acls.acquire([...OPEN_ACL_UNSAFE]);
    const b = acls.acquire([{ scheme: 'world', id: 'anyone', perms: Perms.ALL }]);
    const c = acls.acquire(READ_ONLY);
    expect([a === b, a === c, acls.size]).toEqual([true, false, 2]);
    expect(acls.get(c)).toEqual(READ_ONLY);
  });

  it('forgets a list once its last reference is released, and reuses the index', () => {
    const acls = new AclTable();
    const open = acls.acquire(OPEN_ACL_UNSAFE);
    const first = acls.acquire(READ_ONLY);
    acls.acquire(READ_ONLY);
    acls.release(first);
    expect(acls.size).toBe(2);
    acls.release(first);
    expect(acls.size).toBe(1);
    expect(() => acls.get(first)).toThrow('no ACL list');
    const digest = acls.acquire([{ scheme: 'digest', id: 'u:h', perms: Perms.ALL }]);
    expect([digest, acls.get(open)]).toEqual([first, OPEN_ACL_UNSAFE]);
  });

  it('hands out frozen lists, unaffected by changes to what was stored', () => {
    const acls = new AclTable();
    const list = [{ scheme: 'ip', id: '10.0.0.1', perms: Perms.READ }];
    const index = acls.acquire(list);
    (list[0] as { perms: number }).perms = Perms.ALL;
    const stored = acls.get(index);
    expect(stored[0]?.perms).toBe(Perms.READ);
    expect(() => stored.push({ scheme: 'world', id: 'anyone', perms: 1 })).toThrow(TypeError);
  });
});
