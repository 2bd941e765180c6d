import type { Stat } from '../core/stat';
import type { TxnOp } from '../core/txn';
import type { NodeRecord } from '../core/znode';
import { decodeTxnOps, encodeTxnOps } from './txn-codec';

const BIG = 2n ** 63n - 3n; // far beyond 2^53: must not pass through a double
const BINARY = Buffer.from([0, 255, 128, 10, 13, 0, 34, 92, 0xc3, 0x28, 0xfe]);

const stat: Stat = {
  czxid: 2 ** 40,
  mzxid: 2 ** 40 + 1,
  pzxid: 7,
  ctime: 1_764_000_000_123,
  mtime: 1_764_000_000_456,
  version: 3,
  cversion: 2,
  aversion: 1,
  ephemeralOwner: BIG,
  dataLength: BINARY.length,
  numChildren: 0,
};

const node: NodeRecord = {
  path: '/a/ephemeral-0000000001',
  data: BINARY,
  acl: [
    { scheme: 'world', id: 'anyone', perms: 31 },
    { scheme: 'digest', id: 'user:hash=', perms: 1 },
  ],
  kind: 'ephemeral',
  ttlMs: 0,
  ephemeralOwner: BIG,
  czxid: 5,
  mzxid: 5,
  pzxid: 5,
  ctime: 1_764_000_000_000,
  mtime: 1_764_000_000_000,
  version: 0,
  cversion: 0,
  aversion: 0,
};

const EVERY_KIND: TxnOp[] = [
  { op: 'create', node, stat },
  {
    op: 'create',
    node: {
      ...node,
      path: '/t',
      kind: 'ttl',
      ttlMs: 60_000,
      ephemeralOwner: 0n,
      data: Buffer.alloc(0),
    },
    stat,
  },
  { op: 'delete', path: '/a/b', stat },
  { op: 'setData', path: '/a', data: BINARY, version: 4, stat },
  {
    op: 'setACL',
    path: '/a',
    acl: [{ scheme: 'ip', id: '10.0.0.1', perms: 3 }],
    aversion: 2,
    stat,
  },
  { op: 'createSession', session: { id: BIG, password: BINARY, timeoutMs: 30_000 } },
  { op: 'closeSession', sessionId: -BIG },
];

describe('txn codec', () => {
  it('round-trips every op kind exactly', () => {
    expect(decodeTxnOps(encodeTxnOps(EVERY_KIND))).toEqual(EVERY_KIND);
  });

  it('keeps binary data byte-exact and bigints exact', () => {
    const [first, , , setData, , createSession] = decodeTxnOps(encodeTxnOps(EVERY_KIND));
    expect(first?.op === 'create' && first.node.data.equals(BINARY)).toBe(true);
    expect(first?.op === 'create' && first.node.ephemeralOwner).toBe(BIG);
    expect(first?.op === 'create' && first.stat.ephemeralOwner).toBe(BIG);
    expect(
      setData?.op === 'setData' && Buffer.isBuffer(setData.data) && setData.data.equals(BINARY),
    ).toBe(true);
    expect(createSession?.op === 'createSession' && createSession.session.id).toBe(BIG);
  });

  it('stores plain JSON text: bytes as base64, bigints as decimal strings', () => {
    const json = JSON.parse(encodeTxnOps([EVERY_KIND[5]!, EVERY_KIND[6]!]));
    expect(json).toEqual([
      {
        op: 'createSession',
        session: { id: BIG.toString(), password: BINARY.toString('base64'), timeoutMs: 30_000 },
      },
      { op: 'closeSession', sessionId: (-BIG).toString() },
    ]);
  });

  it('leaves out fields that are not part of the record', () => {
    const withChildren = { ...node, children: new Set(['x']) } as NodeRecord;
    const [op] = decodeTxnOps(encodeTxnOps([{ op: 'create', node: withChildren, stat }]));
    expect(op).toEqual({ op: 'create', node, stat });
  });

  it('refuses an op it does not know', () => {
    expect(() => decodeTxnOps('[{"op":"truncate"}]')).toThrow(/unknown txn op "truncate"/);
    expect(() => decodeTxnOps('{"op":"create"}')).toThrow(/not a JSON array/);
  });
});
