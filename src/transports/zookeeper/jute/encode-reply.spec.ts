import type { Stat } from '../../../core/stat';
import { ZkCode } from '../../../core/zk-code';
import { readAcl, readClientInfo, readStat } from './data-records';
import { appendNotification, appendReply, encodeNotification, encodeReply } from './encode-reply';
import { JuteError } from './jute-error';
import { JuteReader } from './jute-reader';
import { JuteWriter } from './jute-writer';
import type { ReplyHeader, ZkResponse } from './responses';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

const STAT: Stat = {
  czxid: 3,
  mzxid: 4,
  pzxid: 5,
  ctime: 1_700_000_000_000,
  mtime: 1_700_000_000_001,
  version: 1,
  cversion: 2,
  aversion: 0,
  ephemeralOwner: 0n,
  dataLength: 3,
  numChildren: 0,
};

/** Reads a reply frame back: length, header, and the rest for the body. */
function openReply(frame: Buffer): { header: ReplyHeader; body: JuteReader } {
  const r = new JuteReader(frame);
  expect(r.readInt()).toBe(frame.length - 4);
  const header = { xid: r.readInt(), zxid: r.readLongAsNumber('zxid'), err: r.readInt() };
  return { header, body: r };
}

const strings = (r: JuteReader) => r.readVector((v) => v.readString());

describe('encodeReply', () => {
  it('writes the frame length and ReplyHeader { int xid, long zxid, int err }', () => {
    expect(encodeReply({ xid: 7, zxid: 0x100000002, err: ZkCode.NoNode })).toEqual(
      hex('00000010 00000007 0000000100000002 ffffff9b'),
    );
  });

  it('answers a ping with xid -2 and the last zxid', () => {
    expect(encodeReply({ xid: -2, zxid: 9, err: 0 })).toEqual(
      hex('00000010 fffffffe 0000000000000009 00000000'),
    );
  });

  it.each<[string, ZkResponse, (r: JuteReader) => unknown, unknown]>([
    ['create', { type: 'create', path: '/a' }, (r) => r.readString(), '/a'],
    ['sync', { type: 'sync', path: '/s' }, (r) => r.readString(), '/s'],
    [
      'create2',
      { type: 'create2', path: '/a0000000001', stat: STAT },
      (r) => [r.readString(), readStat(r)],
      ['/a0000000001', STAT],
    ],
    [
      'createTTL',
      { type: 'createTTL', path: '/t', stat: STAT },
      (r) => [r.readString(), readStat(r)],
      ['/t', STAT],
    ],
    ['exists', { type: 'exists', stat: STAT }, readStat, STAT],
    ['setData', { type: 'setData', stat: STAT }, readStat, STAT],
    ['setACL', { type: 'setACL', stat: STAT }, readStat, STAT],
    [
      'getData',
      { type: 'getData', data: Buffer.from('abc'), stat: STAT },
      (r) => [r.readBuffer(), readStat(r)],
      [Buffer.from('abc'), STAT],
    ],
    [
      'getACL',
      { type: 'getACL', acl: [{ scheme: 'digest', id: 'bob:x', perms: 1 }], stat: STAT },
      (r) => [r.readVector(readAcl), readStat(r)],
      [[{ scheme: 'digest', id: 'bob:x', perms: 1 }], STAT],
    ],
    ['getChildren', { type: 'getChildren', children: ['a', 'b'] }, strings, ['a', 'b']],
    [
      'getChildren2',
      { type: 'getChildren2', children: [], stat: STAT },
      (r) => [strings(r), readStat(r)],
      [[], STAT],
    ],
    ['getEphemerals', { type: 'getEphemerals', ephemerals: ['/e'] }, strings, ['/e']],
    [
      'getAllChildrenNumber',
      { type: 'getAllChildrenNumber', totalNumber: 42 },
      (r) => r.readInt(),
      42,
    ],
    [
      'whoAmI',
      { type: 'whoAmI', clientInfo: [{ authScheme: 'ip', user: '127.0.0.1' }] },
      (r) => r.readVector(readClientInfo),
      [{ authScheme: 'ip', user: '127.0.0.1' }],
    ],
    ['addWatch', { type: 'addWatch' }, (r) => r.readInt(), 0],
    ['sasl', { type: 'sasl', token: Buffer.from([1]) }, (r) => r.readBuffer(), Buffer.from([1])],
  ])('encodes the %s response body after the header', (_name, body, read, expected) => {
    const { header, body: r } = openReply(encodeReply({ xid: 12, zxid: 34, err: 0 }, body));
    expect(header).toEqual({ xid: 12, zxid: 34, err: 0 });
    expect(read(r)).toEqual(expected);
    expect(r.remaining).toBe(0);
  });

  it('sizes the frame for large data', () => {
    const data = Buffer.alloc(1024 * 1024, 1);
    const { body } = openReply(
      encodeReply({ xid: 1, zxid: 1, err: 0 }, { type: 'getData', data, stat: STAT }),
    );
    expect(body.readBuffer()?.equals(data)).toBe(true);
  });
});

describe('encodeNotification', () => {
  it('writes ReplyHeader { -1, zxid, 0 } and WatcherEvent { type, SyncConnected, path }', () => {
    expect(encodeNotification({ type: 'NodeChildrenChanged', path: '/q', zxid: 0x21 })).toEqual(
      hex('0000001e ffffffff 0000000000000021 00000000 00000004 00000003 00000002 2f71'),
    );
  });

  it.each([
    ['NodeCreated', 1],
    ['NodeDeleted', 2],
    ['NodeDataChanged', 3],
    ['NodeChildrenChanged', 4],
  ] as const)('numbers %s as %d', (type, code) => {
    const { body } = openReply(encodeNotification({ type, path: '/', zxid: 1 }));
    expect(body.readInt()).toBe(code);
  });
});

describe('appendReply and appendNotification', () => {
  it('append the same frames back to back in one buffer', () => {
    const w = JuteWriter.record(16);
    const event = { type: 'NodeCreated', path: '/a', zxid: 5 } as const;
    appendReply(w, { xid: 1, zxid: 9, err: 0 }, { type: 'create', path: '/a' });
    appendNotification(w, event);
    appendReply(w, { xid: 2, zxid: 9, err: ZkCode.NoNode });
    expect(w.toBuffer()).toEqual(
      Buffer.concat([
        encodeReply({ xid: 1, zxid: 9, err: 0 }, { type: 'create', path: '/a' }),
        encodeNotification(event),
        encodeReply({ xid: 2, zxid: 9, err: ZkCode.NoNode }),
      ]),
    );
  });

  it('leave nothing behind when a body cannot be encoded', () => {
    const w = JuteWriter.record();
    appendReply(w, { xid: 1, zxid: 9, err: 0 });
    const before = Buffer.from(w.toBuffer());
    expect(() =>
      appendReply(
        w,
        { xid: 2, zxid: 9, err: 0 },
        { type: 'getAllChildrenNumber', totalNumber: 2 ** 40 },
      ),
    ).toThrow(JuteError);
    expect(w.toBuffer()).toEqual(before);
  });
});
