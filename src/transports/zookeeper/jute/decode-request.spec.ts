import { OPEN_ACL_UNSAFE } from '../../../core/acl';
import { ZkCode } from '../../../core/zk-code';
import { writeAclList } from './data-records';
import { decodeRequest } from './decode-request';
import { JuteError } from './jute-error';
import { JuteWriter } from './jute-writer';
import { OpCode } from './op-code';
import type { ZkRequest } from './requests';

/** A request packet body (no length prefix), as a client writes it. */
function packet(xid: number, opCode: number, body: (w: JuteWriter) => void = () => {}): Buffer {
  const w = JuteWriter.record().writeInt(xid).writeInt(opCode);
  body(w);
  return w.toBuffer();
}

const strings = (w: JuteWriter, items: string[] | null) =>
  w.writeVector(items, (v, s) => v.writeString(s));

function createBody(path: string, flags: number, ttl?: bigint) {
  return (w: JuteWriter) => {
    w.writeString(path).writeBuffer(Buffer.from('hello'));
    writeAclList(w, OPEN_ACL_UNSAFE);
    w.writeInt(flags);
    if (ttl !== undefined) w.writeLong(ttl);
  };
}

function decodeError(frame: Buffer): JuteError {
  try {
    decodeRequest(frame);
  } catch (err) {
    if (err instanceof JuteError) return err;
    throw err;
  }
  throw new Error('expected a JuteError');
}

const acl = [...OPEN_ACL_UNSAFE];
const hello = Buffer.from('hello');

describe('decodeRequest', () => {
  it.each<[string, Buffer, ZkRequest]>([
    [
      'create',
      packet(1, OpCode.create, createBody('/a', 0)),
      { type: 'create', xid: 1, path: '/a', data: hello, acl, mode: 'persistent' },
    ],
    [
      'create2',
      packet(2, OpCode.create2, createBody('/q/item-', 3)),
      { type: 'create2', xid: 2, path: '/q/item-', data: hello, acl, mode: 'ephemeral-sequential' },
    ],
    [
      'createContainer',
      packet(3, OpCode.createContainer, createBody('/c', 4)),
      { type: 'createContainer', xid: 3, path: '/c', data: hello, acl, mode: 'container' },
    ],
    [
      'createTTL',
      packet(4, OpCode.createTTL, createBody('/t', 6, 5000n)),
      {
        type: 'createTTL',
        xid: 4,
        path: '/t',
        data: hello,
        acl,
        mode: 'persistent-sequential-ttl',
        ttlMs: 5000,
      },
    ],
    [
      'delete',
      packet(5, OpCode.delete, (w) => w.writeString('/a').writeInt(-1)),
      { type: 'delete', xid: 5, path: '/a', version: -1 },
    ],
    [
      'deleteContainer',
      packet(6, OpCode.deleteContainer, (w) => w.writeBuffer(Buffer.from('/c'))),
      { type: 'deleteContainer', xid: 6, path: '/c' },
    ],
    [
      'exists',
      packet(7, OpCode.exists, (w) => w.writeString('/a').writeBool(true)),
      { type: 'exists', xid: 7, path: '/a', watch: true },
    ],
    [
      'getData',
      packet(8, OpCode.getData, (w) => w.writeString('/a').writeBool(false)),
      { type: 'getData', xid: 8, path: '/a', watch: false },
    ],
    [
      'setData',
      packet(9, OpCode.setData, (w) => w.writeString('/a').writeBuffer(hello).writeInt(3)),
      { type: 'setData', xid: 9, path: '/a', data: hello, version: 3 },
    ],
    [
      'getACL',
      packet(10, OpCode.getACL, (w) => w.writeString('/a')),
      { type: 'getACL', xid: 10, path: '/a' },
    ],
    [
      'setACL',
      packet(11, OpCode.setACL, (w) => {
        w.writeString('/a');
        writeAclList(w, [{ scheme: 'digest', id: 'u:h', perms: 17 }]);
        w.writeInt(2);
      }),
      {
        type: 'setACL',
        xid: 11,
        path: '/a',
        acl: [{ scheme: 'digest', id: 'u:h', perms: 17 }],
        version: 2,
      },
    ],
    [
      'getChildren',
      packet(12, OpCode.getChildren, (w) => w.writeString('/').writeBool(true)),
      { type: 'getChildren', xid: 12, path: '/', watch: true },
    ],
    [
      'getChildren2',
      packet(13, OpCode.getChildren2, (w) => w.writeString('/').writeBool(false)),
      { type: 'getChildren2', xid: 13, path: '/', watch: false },
    ],
    [
      'sync',
      packet(14, OpCode.sync, (w) => w.writeString('/a')),
      { type: 'sync', xid: 14, path: '/a' },
    ],
    ['ping', packet(-2, OpCode.ping), { type: 'ping', xid: -2 }],
    ['closeSession', packet(15, OpCode.closeSession), { type: 'closeSession', xid: 15 }],
    ['whoAmI', packet(16, OpCode.whoAmI), { type: 'whoAmI', xid: 16 }],
    [
      'multi',
      packet(17, OpCode.multi, (w) => {
        w.writeInt(OpCode.check).writeBool(false).writeInt(-1).writeString('/a').writeInt(1);
        w.writeInt(-1).writeBool(true).writeInt(-1);
      }),
      { type: 'multi', xid: 17, ops: [{ type: 'check', path: '/a', version: 1 }] },
    ],
    [
      'multiRead',
      packet(18, OpCode.multiRead, (w) => {
        w.writeInt(OpCode.getData).writeBool(false).writeInt(-1).writeString('/a').writeBool(false);
        w.writeInt(-1).writeBool(true).writeInt(-1);
      }),
      { type: 'multiRead', xid: 18, ops: [{ op: 'getData', path: '/a' }] },
    ],
    [
      'reconfig',
      packet(19, OpCode.reconfig, (w) =>
        w.writeString('server.2=h:2888:3888').writeString(null).writeString(null).writeLong(-1n),
      ),
      {
        type: 'reconfig',
        xid: 19,
        joiningServers: 'server.2=h:2888:3888',
        leavingServers: null,
        newMembers: null,
        curConfigId: -1n,
      },
    ],
    [
      'checkWatches',
      packet(20, OpCode.checkWatches, (w) => w.writeString('/a').writeInt(1)),
      { type: 'checkWatches', xid: 20, path: '/a', watcherType: 'children' },
    ],
    [
      'removeWatches',
      packet(21, OpCode.removeWatches, (w) => w.writeString('/a').writeInt(5)),
      { type: 'removeWatches', xid: 21, path: '/a', watcherType: 'persistent-recursive' },
    ],
    [
      'auth',
      packet(-4, OpCode.auth, (w) =>
        w.writeInt(0).writeString('digest').writeBuffer(Buffer.from('u:p')),
      ),
      { type: 'auth', xid: -4, authType: 0, scheme: 'digest', auth: Buffer.from('u:p') },
    ],
    [
      'setWatches',
      packet(-8, OpCode.setWatches, (w) => {
        w.writeLong(0x500000001);
        strings(w, ['/d']);
        strings(w, ['/e1', '/e2']);
        strings(w, null);
      }),
      {
        type: 'setWatches',
        xid: -8,
        relativeZxid: 0x500000001,
        watches: {
          data: ['/d'],
          exist: ['/e1', '/e2'],
          child: [],
          persistent: [],
          persistentRecursive: [],
        },
      },
    ],
    [
      'setWatches2',
      packet(-8, OpCode.setWatches2, (w) => {
        w.writeLong(7);
        for (const list of [['/d'], [], ['/c'], ['/p'], ['/r']]) strings(w, list);
      }),
      {
        type: 'setWatches2',
        xid: -8,
        relativeZxid: 7,
        watches: {
          data: ['/d'],
          exist: [],
          child: ['/c'],
          persistent: ['/p'],
          persistentRecursive: ['/r'],
        },
      },
    ],
    [
      'sasl',
      packet(22, OpCode.sasl, (w) => w.writeBuffer(Buffer.from([1, 2]))),
      { type: 'sasl', xid: 22, token: Buffer.from([1, 2]) },
    ],
    [
      'getEphemerals',
      packet(23, OpCode.getEphemerals, (w) => w.writeString('/app')),
      { type: 'getEphemerals', xid: 23, prefixPath: '/app' },
    ],
    [
      'getEphemerals without a prefix',
      packet(24, OpCode.getEphemerals, (w) => w.writeString(null)),
      { type: 'getEphemerals', xid: 24, prefixPath: '/' },
    ],
    [
      'getAllChildrenNumber',
      packet(25, OpCode.getAllChildrenNumber, (w) => w.writeString('/a')),
      { type: 'getAllChildrenNumber', xid: 25, path: '/a' },
    ],
    [
      'addWatch',
      packet(26, OpCode.addWatch, (w) => w.writeString('/a').writeInt(1)),
      { type: 'addWatch', xid: 26, path: '/a', mode: 'persistent-recursive' },
    ],
  ])('decodes %s', (_name, frame, expected) => {
    expect(decodeRequest(frame)).toEqual(expected);
  });

  it('reads null data as an empty buffer', () => {
    const frame = packet(1, OpCode.setData, (w) =>
      w.writeString('/a').writeBuffer(null).writeInt(0),
    );
    expect(decodeRequest(frame)).toMatchObject({ data: Buffer.alloc(0) });
  });

  it('ignores trailing bytes, as ZooKeeper does', () => {
    const frame = Buffer.concat([
      packet(3, OpCode.sync, (w) => w.writeString('/a')),
      Buffer.from([9, 9]),
    ]);
    expect(decodeRequest(frame)).toEqual({ type: 'sync', xid: 3, path: '/a' });
  });

  it('throws without a request when the header itself is cut short', () => {
    const err = decodeError(Buffer.from([0, 0, 0, 1, 0, 0]));
    expect([err.code, err.request]).toEqual([ZkCode.MarshallingError, undefined]);
  });

  it('ties a truncated body to its request so it can be answered with MarshallingError', () => {
    const whole = packet(42, OpCode.setData, (w) =>
      w.writeString('/a').writeBuffer(hello).writeInt(0),
    );
    const err = decodeError(whole.subarray(0, whole.length - 2));
    expect([err.code, err.request]).toEqual([
      ZkCode.MarshallingError,
      { xid: 42, opCode: OpCode.setData },
    ]);
  });

  it.each([
    ['unknown create flags', packet(5, OpCode.create, createBody('/a', 7))],
    ['createTTL with a non-TTL mode', packet(5, OpCode.createTTL, createBody('/a', 0, 100n))],
    ['a negative TTL', packet(5, OpCode.createTTL, createBody('/a', 5, -1n))],
    ['createContainer with another mode', packet(5, OpCode.createContainer, createBody('/a', 0))],
    ['a null path', packet(5, OpCode.getData, (w) => w.writeString(null).writeBool(false))],
    [
      'an unknown watcher type',
      packet(5, OpCode.removeWatches, (w) => w.writeString('/a').writeInt(9)),
    ],
    [
      'an unknown addWatch mode',
      packet(5, OpCode.addWatch, (w) => w.writeString('/a').writeInt(2)),
    ],
  ])('answers %s with BadArguments', (_what, frame) => {
    const err = decodeError(frame);
    expect([err.code, err.request?.xid]).toEqual([ZkCode.BadArguments, 5]);
  });

  it('reads the whole body before judging flags, so a truncated create is MarshallingError', () => {
    const whole = packet(5, OpCode.create, createBody('/a', 7));
    expect(decodeError(whole.subarray(0, whole.length - 1)).code).toBe(ZkCode.MarshallingError);
  });

  it.each([
    ['notification', OpCode.notification],
    ['a lone check', OpCode.check],
    ['createSession', OpCode.createSession],
    ['error', OpCode.error],
    ['an undefined op', 77],
  ])('answers %s with Unimplemented', (_what, opCode) => {
    const err = decodeError(packet(9, opCode));
    expect([err.code, err.request]).toEqual([ZkCode.Unimplemented, { xid: 9, opCode }]);
  });

  it('throws nothing but JuteError on random garbage', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const ops = Object.values(OpCode).filter((v): v is number => typeof v === 'number');
    const others: unknown[] = [];
    for (let i = 0; i < 5000; i++) {
      const length = Math.floor(random() * 40);
      const body = Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
      const op = ops[Math.floor(random() * ops.length)] ?? 0;
      try {
        decodeRequest(Buffer.concat([packet(i, op), body]));
      } catch (err) {
        if (!(err instanceof JuteError)) others.push(err);
      }
    }
    expect(others).toEqual([]);
  });
});
