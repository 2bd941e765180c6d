import { formatAcl, parseAcl } from './acl';

describe('parseAcl', () => {
  it("reads zkCli's scheme:id:perms list, ids with colons included", () => {
    const acl = parseAcl('world:anyone:r,digest:bob:abc=:cdrwa,ip:10.0.0.0/8:rw');
    expect(acl).toEqual([
      { scheme: 'world', id: 'anyone', perms: 'r' },
      { scheme: 'digest', id: 'bob:abc=', perms: 'cdrwa' },
      { scheme: 'ip', id: '10.0.0.0/8', perms: 'rw' },
    ]);
    expect(acl.map(formatAcl).join(',')).toBe(
      'world:anyone:r,digest:bob:abc=:cdrwa,ip:10.0.0.0/8:rw',
    );
  });

  it('says what is wrong', () => {
    expect(() => parseAcl('world:anyone')).toThrow('is not scheme:id:perms');
    expect(() => parseAcl('world:anyone:rx')).toThrow('letters c, d, r, w, a');
  });
});
