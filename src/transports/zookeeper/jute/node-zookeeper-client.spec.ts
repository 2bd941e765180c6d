import type { Stat } from '../../../core/stat';
import { ZkCode } from '../../../core/zk-code';
import { FrameDecoder } from '../frame-decoder';
import { decodeConnectRequest, encodeConnectResponse } from './connect-records';
import { decodeRequest } from './decode-request';
import { encodeNotification, encodeReply } from './encode-reply';
import type { ZkRequest } from './requests';

// Cross-checks against a real third-party client: node-zookeeper-client's own jute code
// encodes requests we decode, and decodes replies we encode.

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- untyped JS library */
type JuteRecord = Record<string, any> & {
  serialize(buf: Buffer, offset: number): number;
  deserialize(buf: Buffer, offset: number): number;
  byteLength(): number;
};
type RecordClass = new (...args: any[]) => JuteRecord;
interface NzkJute {
  OP_CODES: Record<string, number>;
  protocol: Record<string, RecordClass>;
  data: Record<string, RecordClass>;
  Request: new (header: JuteRecord | null, payload: unknown) => { toBuffer(): Buffer };
  TransactionRequest: new (ops: unknown[]) => unknown;
  TransactionResponse: new () => JuteRecord & { results: any[] };
}
const jute = require('node-zookeeper-client/lib/jute') as NzkJute;
const nzk = require('node-zookeeper-client') as {
  ACL: { OPEN_ACL_UNSAFE: Array<{ toRecord(): JuteRecord }> } & (new (
    perms: number,
    id: unknown,
  ) => {
    toRecord(): JuteRecord;
  });
  Id: new (scheme: string, id: string) => unknown;
  CreateMode: Record<string, number>;
  Permission: Record<string, number>;
};
/* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */

const { protocol: P, OP_CODES: OP } = jute;

const long = (v: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(v);
  return b;
};
const unlong = (b: Buffer) => b.readBigInt64BE(0);

function request(xid: number, type: number, payload: unknown = null): Buffer {
  const header = new P.RequestHeader!(xid, type);
  return new jute.Request(header, payload).toBuffer();
}

function payload(name: string, fields: Record<string, unknown>): JuteRecord {
  const rec = new P[name]!();
  Object.assign(rec, fields);
  return rec;
}

/** Splits a byte stream into packets with our decoder, as the server will. */
function packets(...frames: Buffer[]): Buffer[] {
  return new FrameDecoder().push(Buffer.concat(frames)).map((f) => {
    if (f.kind !== 'packet') throw new Error('unexpected command');
    return f.body;
  });
}

const STAT: Stat = {
  czxid: 0x100000001,
  mzxid: 0x100000002,
  pzxid: 0x100000003,
  ctime: 1_700_000_000_000,
  mtime: 1_700_000_000_123,
  version: 2,
  cversion: 3,
  aversion: 1,
  ephemeralOwner: 0x0100000000000005n,
  dataLength: 5,
  numChildren: 4,
};

function statOf(rec: JuteRecord): Stat {
  return {
    czxid: Number(unlong(rec.czxid)),
    mzxid: Number(unlong(rec.mzxid)),
    pzxid: Number(unlong(rec.pzxid)),
    ctime: Number(unlong(rec.ctime)),
    mtime: Number(unlong(rec.mtime)),
    version: rec.version,
    cversion: rec.cversion,
    aversion: rec.aversion,
    ephemeralOwner: unlong(rec.ephemeralOwner),
    dataLength: rec.dataLength,
    numChildren: rec.numChildren,
  };
}

/** Reads one of our reply frames with their ReplyHeader, then the given payload record. */
function theirReply<T extends JuteRecord>(frame: Buffer, body: T | null) {
  const header = new P.ReplyHeader!();
  let offset = 4 + header.deserialize(frame, 4);
  if (body) offset += body.deserialize(frame, offset);
  expect(offset).toBe(frame.length);
  return {
    xid: header.xid as number,
    zxid: unlong(header.zxid),
    err: header.err as number,
    body: body!,
  };
}

describe('node-zookeeper-client interop', () => {
  it('decodes its ConnectRequest, which has no readOnly flag, and answers in kind', () => {
    const passwd = Buffer.alloc(16, 7);
    const frame = new jute.Request(
      null,
      new P.ConnectRequest!(0, long(0x500000002n), 30000, long(0x0100000000000005n), passwd),
    ).toBuffer();
    const [body] = packets(frame);
    const req = decodeConnectRequest(body!);
    expect(req).toEqual({
      protocolVersion: 0,
      lastZxidSeen: 0x500000002,
      timeoutMs: 30000,
      sessionId: 0x0100000000000005n,
      passwd,
      readOnly: false,
      withReadOnly: false,
    });

    const reply = encodeConnectResponse(
      {
        protocolVersion: 0,
        timeoutMs: 20000,
        sessionId: 0x0100000000000009n,
        passwd,
        readOnly: false,
      },
      { withReadOnly: req.withReadOnly },
    );
    const res = new P.ConnectResponse!();
    expect(4 + res.deserialize(reply, 4)).toBe(reply.length);
    expect([res.timeOut, unlong(res.sessionId), res.passwd]).toEqual([
      20000,
      0x0100000000000009n,
      passwd,
    ]);
  });

  it('decodes every request it can send, from one stream', () => {
    const acl = nzk.ACL.OPEN_ACL_UNSAFE.map((a) => a.toRecord());
    const digest = new nzk.ACL(
      nzk.Permission.READ! | nzk.Permission.ADMIN!,
      new nzk.Id('digest', 'bob:hash'),
    );
    const frames = [
      request(
        -4,
        OP.AUTH!,
        payload('AuthPacket', { type: 0, scheme: 'digest', auth: Buffer.from('bob:pw') }),
      ),
      request(
        -8,
        OP.SET_WATCHES!,
        payload('SetWatches', {
          relativeZxid: long(42n),
          dataWatches: ['/d'],
          existWatches: [],
          childWatches: ['/c1', '/c2'],
        }),
      ),
      request(
        1,
        OP.CREATE!,
        payload('CreateRequest', {
          path: '/q/item-',
          data: Buffer.from('job'),
          acl,
          flags: nzk.CreateMode.EPHEMERAL_SEQUENTIAL,
        }),
      ),
      request(2, OP.CREATE!, payload('CreateRequest', { path: '/empty', acl, flags: 0 })),
      request(3, OP.DELETE!, payload('DeleteRequest', { path: '/a', version: 4 })),
      request(4, OP.EXISTS!, payload('ExistsRequest', { path: '/a', watch: true })),
      request(5, OP.GET_DATA!, payload('GetDataRequest', { path: '/a', watch: false })),
      request(
        6,
        OP.SET_DATA!,
        payload('SetDataRequest', { path: '/a', data: Buffer.from('v2'), version: -1 }),
      ),
      request(7, OP.GET_ACL!, payload('GetACLRequest', { path: '/a' })),
      request(
        8,
        OP.SET_ACL!,
        payload('SetACLRequest', { path: '/a', acl: [digest.toRecord()], version: 0 }),
      ),
      request(9, OP.GET_CHILDREN2!, payload('GetChildren2Request', { path: '/', watch: true })),
      request(
        10,
        OP.MULTI!,
        new jute.TransactionRequest([
          {
            type: OP.CREATE,
            path: '/t',
            data: Buffer.from('x'),
            acls: nzk.ACL.OPEN_ACL_UNSAFE,
            mode: 0,
          },
          { type: OP.SET_DATA, path: '/t', data: Buffer.from('y'), version: 0 },
          { type: OP.CHECK, path: '/t', version: 1 },
          { type: OP.DELETE, path: '/t', version: -1 },
        ]),
      ),
      request(-2, OP.PING!),
      request(11, OP.CLOSE_SESSION!),
    ];
    const open = [{ scheme: 'world', id: 'anyone', perms: 31 }];
    expect(packets(...frames).map(decodeRequest)).toEqual<ZkRequest[]>([
      { type: 'auth', xid: -4, authType: 0, scheme: 'digest', auth: Buffer.from('bob:pw') },
      {
        type: 'setWatches',
        xid: -8,
        relativeZxid: 42,
        watches: {
          data: ['/d'],
          exist: [],
          child: ['/c1', '/c2'],
          persistent: [],
          persistentRecursive: [],
        },
      },
      {
        type: 'create',
        xid: 1,
        path: '/q/item-',
        data: Buffer.from('job'),
        acl: open,
        mode: 'ephemeral-sequential',
      },
      {
        type: 'create',
        xid: 2,
        path: '/empty',
        data: Buffer.alloc(0),
        acl: open,
        mode: 'persistent',
      },
      { type: 'delete', xid: 3, path: '/a', version: 4 },
      { type: 'exists', xid: 4, path: '/a', watch: true },
      { type: 'getData', xid: 5, path: '/a', watch: false },
      { type: 'setData', xid: 6, path: '/a', data: Buffer.from('v2'), version: -1 },
      { type: 'getACL', xid: 7, path: '/a' },
      {
        type: 'setACL',
        xid: 8,
        path: '/a',
        acl: [{ scheme: 'digest', id: 'bob:hash', perms: 17 }],
        version: 0,
      },
      { type: 'getChildren2', xid: 9, path: '/', watch: true },
      {
        type: 'multi',
        xid: 10,
        ops: [
          { type: 'create', path: '/t', data: Buffer.from('x'), acl: open, mode: 'persistent' },
          { type: 'setData', path: '/t', data: Buffer.from('y'), version: 0 },
          { type: 'check', path: '/t', version: 1 },
          { type: 'delete', path: '/t', version: -1 },
        ],
      },
      { type: 'ping', xid: -2 },
      { type: 'closeSession', xid: 11 },
    ]);
  });

  it('reads our replies with its own records', () => {
    const create = theirReply(
      encodeReply(
        { xid: 1, zxid: 0x100000004, err: 0 },
        { type: 'create', path: '/q/item-0000000007' },
      ),
      new P.CreateResponse!(),
    );
    expect([create.xid, create.zxid, create.err, create.body.path]).toEqual([
      1,
      0x100000004n,
      0,
      '/q/item-0000000007',
    ]);

    const exists = theirReply(
      encodeReply({ xid: 2, zxid: 9, err: 0 }, { type: 'exists', stat: STAT }),
      new P.ExistsResponse!(),
    );
    expect(statOf(exists.body.stat)).toEqual(STAT);

    const data = theirReply(
      encodeReply(
        { xid: 3, zxid: 9, err: 0 },
        { type: 'getData', data: Buffer.from('hello'), stat: STAT },
      ),
      new P.GetDataResponse!(),
    );
    expect([data.body.data, statOf(data.body.stat)]).toEqual([Buffer.from('hello'), STAT]);

    const children = theirReply(
      encodeReply(
        { xid: 4, zxid: 9, err: 0 },
        { type: 'getChildren2', children: ['a', 'b'], stat: STAT },
      ),
      new P.GetChildren2Response!(),
    );
    expect([children.body.children, statOf(children.body.stat)]).toEqual([['a', 'b'], STAT]);

    const acl = theirReply(
      encodeReply(
        { xid: 5, zxid: 9, err: 0 },
        { type: 'getACL', acl: [{ scheme: 'ip', id: '10.0.0.1', perms: 1 }], stat: STAT },
      ),
      new P.GetACLResponse!(),
    );
    expect(acl.body.acl.map((a: JuteRecord) => [a.perms, a.id.scheme, a.id.id])).toEqual([
      [1, 'ip', '10.0.0.1'],
    ]);

    const setData = theirReply(
      encodeReply({ xid: 6, zxid: 9, err: 0 }, { type: 'setData', stat: STAT }),
      new P.SetDataResponse!(),
    );
    expect(statOf(setData.body.stat)).toEqual(STAT);

    const failed = theirReply(encodeReply({ xid: 7, zxid: 9, err: ZkCode.NoNode }), null);
    expect([failed.xid, failed.err]).toEqual([7, -101]);
  });

  it('reads our multi responses, including a failed one', () => {
    const ok = theirReply(
      encodeReply(
        { xid: 8, zxid: 10, err: 0 },
        {
          type: 'multi',
          results: [
            { type: 'create', path: '/t' },
            { type: 'setData', stat: STAT },
            { type: 'check' },
            { type: 'delete' },
          ],
        },
      ),
      new jute.TransactionResponse(),
    );
    expect(ok.body.results.map((r: JuteRecord) => r.type)).toEqual([1, 5, 13, 2]);
    expect(ok.body.results[0].path).toBe('/t');
    expect(statOf(ok.body.results[1].stat)).toEqual(STAT);

    const failed = theirReply(
      encodeReply(
        { xid: 9, zxid: 10, err: 0 },
        {
          type: 'multi',
          results: [
            { type: 'error', err: 0 },
            { type: 'error', err: ZkCode.BadVersion },
            { type: 'error', err: ZkCode.RuntimeInconsistency },
          ],
        },
      ),
      new jute.TransactionResponse(),
    );
    expect(failed.body.results).toEqual([
      { type: -1, err: 0 },
      { type: -1, err: -103 },
      { type: -1, err: -2 },
    ]);
  });

  it('reads our watch notifications', () => {
    const event = theirReply(
      encodeNotification({ type: 'NodeDataChanged', path: '/config/app', zxid: 0x100000010 }),
      new P.WatcherEvent!(),
    );
    expect([event.xid, event.zxid, event.err]).toEqual([-1, 0x100000010n, 0]);
    expect([event.body.type, event.body.state, event.body.path]).toEqual([3, 3, '/config/app']);
  });
});
