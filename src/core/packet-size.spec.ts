import { OPEN_ACL_UNSAFE } from './acl';
import { requestPacketBytes } from './packet-size';

// Sizes worked out by hand from ZooKeeper's jute records (RequestHeader, then the request).
describe('requestPacketBytes', () => {
  const acl = [...OPEN_ACL_UNSAFE];
  const data = Buffer.alloc(10);

  it('counts a create as CreateRequest, and a TTL create as CreateTTLRequest', () => {
    // header 8, path 4+2, data 4+10, ACL 4+(4+4+5+4+6), flags 4
    expect(requestPacketBytes({ op: 'create', path: '/a', data, acl, mode: 'persistent' })).toBe(
      59,
    );
    const ttl = { op: 'create', path: '/a', data, acl, mode: 'persistent-ttl', ttlMs: 1 } as const;
    expect(requestPacketBytes(ttl)).toBe(67);
    expect(requestPacketBytes({ op: 'create', path: '/ü', data, acl, mode: 'persistent' })).toBe(
      60,
    );
  });

  it('counts setData, delete, setACL, sync and deleteContainer', () => {
    expect(requestPacketBytes({ op: 'setData', path: '/a', data, version: -1 })).toBe(32);
    expect(requestPacketBytes({ op: 'delete', path: '/a', version: -1 })).toBe(18);
    expect(requestPacketBytes({ op: 'setACL', path: '/a', acl, version: -1 })).toBe(45);
    expect(requestPacketBytes({ op: 'sync', path: '/a' })).toBe(14);
    expect(requestPacketBytes({ op: 'deleteContainer', path: '/a' })).toBe(14);
  });

  it('counts a multi as its ops, each behind a MultiHeader, and the closing header', () => {
    const ops = [
      { op: 'check', path: '/a', version: 0 },
      { op: 'setData', path: '/a', data, version: -1 },
    ] as const;
    expect(requestPacketBytes({ op: 'multi', ops: [...ops] })).toBe(8 + 9 + 10 + 9 + 24 + 9);
  });
});
