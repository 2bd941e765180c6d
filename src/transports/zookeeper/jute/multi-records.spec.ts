import type { Stat } from '../../../core/stat';
import { ZkCode } from '../../../core/zk-code';
import { OPEN_ACL_UNSAFE } from '../../../core/acl';
import { readStat, writeAclList, writeStat } from './data-records';
import { JuteError } from './jute-error';
import { JuteReader } from './jute-reader';
import { JuteWriter } from './jute-writer';
import { readMultiBody, readMultiReadBody, writeMultiResponse } from './multi-records';
import { OpCode } from './op-code';
import type { MultiResult } from './responses';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

const STAT: Stat = {
  czxid: 1,
  mzxid: 2,
  pzxid: 3,
  ctime: 4,
  mtime: 5,
  version: 6,
  cversion: 7,
  aversion: 8,
  ephemeralOwner: 9n,
  dataLength: 10,
  numChildren: 11,
};

/** A MultiOperationRecord as ZooKeeper's client writes it. */
function multiBody(ops: Array<[number, (w: JuteWriter) => void]>): JuteReader {
  const w = JuteWriter.record();
  for (const [type, body] of ops) {
    w.writeInt(type).writeBool(false).writeInt(-1);
    body(w);
  }
  w.writeInt(-1).writeBool(true).writeInt(-1);
  return new JuteReader(w.toBuffer());
}

const createOp = (path: string, flags: number, ttl?: bigint) => (w: JuteWriter) => {
  w.writeString(path).writeBuffer(Buffer.from('d'));
  writeAclList(w, OPEN_ACL_UNSAFE);
  w.writeInt(flags);
  if (ttl !== undefined) w.writeLong(ttl);
};
const pathVersion = (path: string, version: number) => (w: JuteWriter) =>
  w.writeString(path).writeInt(version);
const pathWatch = (path: string) => (w: JuteWriter) => w.writeString(path).writeBool(true);

/** Reads a MultiResponse the way ZooKeeper's client does (MultiResponse.deserialize). */
const RESULT_READERS = new Map<number, (r: JuteReader) => object>([
  [OpCode.create, (r) => ({ path: r.readString() })],
  [OpCode.create2, (r) => ({ path: r.readString(), stat: readStat(r) })],
  [OpCode.setData, (r) => ({ stat: readStat(r) })],
  [OpCode.getData, (r) => ({ data: r.readBuffer(), stat: readStat(r) })],
  [OpCode.getChildren, (r) => ({ children: r.readVector((v) => v.readString()) })],
  [OpCode.error, (r) => ({ err: r.readInt() })],
]);

function readMultiResponse(r: JuteReader): unknown[] {
  const out: unknown[] = [];
  for (;;) {
    const [type, done, headerErr] = [r.readInt(), r.readBool(), r.readInt()];
    if (done) return out;
    const body = RESULT_READERS.get(type)?.(r) ?? {};
    out.push(type === -1 ? { type, headerErr, ...body } : { type, ...body });
  }
}

describe('multi request bodies', () => {
  it('decodes every write op a multi may hold, in order', () => {
    const ops = readMultiBody(
      multiBody([
        [OpCode.create, createOp('/a', 0)],
        [OpCode.create2, createOp('/b-', 3)],
        [OpCode.createContainer, createOp('/c', 4)],
        [OpCode.createTTL, createOp('/t', 5, 60_000n)],
        [OpCode.delete, pathVersion('/d', 2)],
        [OpCode.setData, (w) => w.writeString('/s').writeBuffer(null).writeInt(-1)],
        [OpCode.check, pathVersion('/k', 0)],
      ]),
    );
    const data = Buffer.from('d');
    const acl = [...OPEN_ACL_UNSAFE];
    expect(ops).toEqual([
      { type: 'create', path: '/a', data, acl, mode: 'persistent' },
      { type: 'create2', path: '/b-', data, acl, mode: 'ephemeral-sequential' },
      { type: 'createContainer', path: '/c', data, acl, mode: 'container' },
      { type: 'createTTL', path: '/t', data, acl, mode: 'persistent-ttl', ttlMs: 60_000 },
      { type: 'delete', path: '/d', version: 2 },
      { type: 'setData', path: '/s', data: Buffer.alloc(0), version: -1 },
      { type: 'check', path: '/k', version: 0 },
    ]);
  });

  it('decodes an empty multi', () => {
    expect(readMultiBody(multiBody([]))).toEqual([]);
  });

  it('decodes a multiRead of getData and getChildren', () => {
    const ops = readMultiReadBody(
      multiBody([
        [OpCode.getData, pathWatch('/x')],
        [OpCode.getChildren, pathWatch('/')],
      ]),
    );
    expect(ops).toEqual([
      { op: 'getData', path: '/x' },
      { op: 'getChildren', path: '/' },
    ]);
  });

  it('refuses reads in a multi and writes in a multiRead, as ZooKeeper refuses mixing', () => {
    expect(() => readMultiBody(multiBody([[OpCode.getData, pathWatch('/x')]]))).toThrow(
      /op type 4 is not allowed in multi/,
    );
    expect(() => readMultiReadBody(multiBody([[OpCode.delete, pathVersion('/x', 1)]]))).toThrow(
      /op type 2 is not allowed in multiRead/,
    );
  });

  it('refuses unknown create flags as BadArguments', () => {
    expect(() => readMultiBody(multiBody([[OpCode.create, createOp('/a', 9)]]))).toThrow(
      expect.objectContaining({ code: ZkCode.BadArguments }),
    );
  });

  it('throws a MarshallingError JuteError when the end marker is missing', () => {
    const w = JuteWriter.record().writeInt(OpCode.delete).writeBool(false).writeInt(-1);
    pathVersion('/d', 1)(w);
    const err = (() => {
      try {
        readMultiBody(new JuteReader(w.toBuffer()));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(JuteError);
    expect(err).toMatchObject({ code: ZkCode.MarshallingError });
  });
});

describe('multi response', () => {
  it('writes a failed multi as ZooKeeper does: error results, then the done marker', () => {
    const w = JuteWriter.record();
    writeMultiResponse(w, [
      { type: 'error', err: ZkCode.Ok },
      { type: 'error', err: ZkCode.NoNode },
      { type: 'error', err: ZkCode.RuntimeInconsistency },
    ]);
    // Each: MultiHeader { type -1, done false, err } + ErrorResponse { err }; end: { -1, true, -1 }.
    expect(w.toBuffer()).toEqual(
      hex(`ffffffff 00 00000000 00000000
           ffffffff 00 ffffff9b ffffff9b
           ffffffff 00 fffffffe fffffffe
           ffffffff 01 ffffffff`),
    );
  });

  it('writes each result kind under its op type', () => {
    const results: MultiResult[] = [
      { type: 'create', path: '/a' },
      { type: 'create2', path: '/b', stat: STAT },
      { type: 'delete' },
      { type: 'setData', stat: STAT },
      { type: 'check' },
      { type: 'getData', data: Buffer.from('x'), stat: STAT },
      { type: 'getChildren', children: ['c'] },
      { type: 'error', err: ZkCode.NoAuth },
    ];
    const w = JuteWriter.record();
    writeMultiResponse(w, results);
    const r = new JuteReader(w.toBuffer());
    expect(readMultiResponse(r)).toEqual([
      { type: 1, path: '/a' },
      { type: 15, path: '/b', stat: STAT },
      { type: 2 },
      { type: 5, stat: STAT },
      { type: 13 },
      { type: 4, data: Buffer.from('x'), stat: STAT },
      { type: 8, children: ['c'] },
      { type: -1, headerErr: -102, err: -102 },
    ]);
    expect(r.remaining).toBe(0);
  });

  it('writes a Stat-carrying create result with the create2 header', () => {
    const w = JuteWriter.record();
    writeMultiResponse(w, [{ type: 'create2', path: '/p', stat: STAT }]);
    const s = JuteWriter.record();
    writeStat(s, STAT);
    expect(w.toBuffer().toString('hex')).toBe(
      `0000000f0000000000` + `000000022f70` + s.toBuffer().toString('hex') + `ffffffff01ffffffff`,
    );
  });
});
