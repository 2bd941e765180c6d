import { inMemoryCoordinator, zookeeperSession } from '../../../test/support/in-memory-coordinator';
import { ZkCode } from '../../core/zk-code';
import { ConnectionStats } from './connection-stats';
import { JuteWriter } from './jute/jute-writer';
import { OpCode } from './jute/op-code';
import type { ReplyHeader, ZkResponse } from './jute/responses';
import { WireStats } from './latency-stats';
import { RequestAnswerer } from './request-answerer';

type Sent = { header: ReplyHeader; body?: ZkResponse } | { frame: string };

async function setup() {
  const zk = await inMemoryCoordinator({
    juteMaxBuffer: 64,
    minSessionTimeoutMs: 1000,
    maxSessionTimeoutMs: 9000,
    maxPendingWrites: 100,
  });
  const ctx = await zookeeperSession(zk);
  const sent: Sent[] = [];
  const events: string[] = [];
  const stats = new ConnectionStats();
  const answerer = new RequestAnswerer(
    {
      call: { zk, ctx, watcher: { notify: () => undefined }, maxMultiOps: 10 },
      stats,
      wire: new WireStats(),
      log: { log: () => undefined, error: () => undefined, warn: () => undefined },
      stopReading: () => events.push('stopReading'),
      end: () => events.push(`end after ${sent.length}`),
      abort: (reason) => events.push(`abort: ${reason}`),
      closingSession: () => events.push('closingSession'),
    },
    {
      reply: (header, body) => sent.push(body ? { header, body } : { header }),
      frame: (f) => sent.push({ frame: f.toString('hex') }),
    },
  );
  const packet = (xid: number, op: number, body: (w: JuteWriter) => unknown = () => undefined) => {
    const w = JuteWriter.record().writeInt(xid).writeInt(op);
    body(w);
    answerer.packet(Buffer.from(w.toBuffer()), performance.now());
  };
  const settle = () => new Promise((r) => setTimeout(r, 20));
  return { zk, ctx, answerer, packet, sent, events, stats, settle };
}

describe('RequestAnswerer', () => {
  it('answers in arrival order: a quick read waits behind a slower write', async () => {
    const { zk, packet, sent, settle, answerer, stats } = await setup();
    packet(1, OpCode.create, (w) =>
      w
        .writeString('/a')
        .writeBuffer(Buffer.from('v'))
        .writeVector([0], (v) => v.writeInt(31).writeString('world').writeString('anyone'))
        .writeInt(0),
    );
    packet(2, OpCode.exists, (w) => w.writeString('/').writeBool(false));
    expect(answerer.outstanding).toBe(2);
    await settle();
    expect(sent.map((s) => ('header' in s ? s.header.xid : s))).toEqual([1, 2]);
    expect(sent[0]).toEqual({
      header: { xid: 1, zxid: zk.lastZxid, err: 0 },
      body: { type: 'create', path: '/a' },
    });
    expect([answerer.outstanding, stats.lastOperation, stats.lastCxid]).toEqual([0, 'EXIS', 2]);
  });

  it('sends the header alone for an error, and pings with the last zxid', async () => {
    const { zk, packet, sent, settle } = await setup();
    packet(3, OpCode.getData, (w) => w.writeString('/missing').writeBool(false));
    packet(-2, OpCode.ping);
    await settle();
    expect(sent).toEqual([
      { header: { xid: 3, zxid: zk.lastZxid, err: ZkCode.NoNode } },
      { header: { xid: -2, zxid: zk.lastZxid, err: 0 } },
    ]);
  });

  it('adds digest auth with zxid 0, and fails any other scheme before closing', async () => {
    const { zk, ctx, packet, sent, events, settle } = await setup();
    const auth = (scheme: string, cred: string) =>
      packet(-4, OpCode.auth, (w) =>
        w.writeInt(0).writeString(scheme).writeBuffer(Buffer.from(cred)),
      );
    auth('digest', 'bob:pw');
    expect(zk.identities(ctx).map((i) => i.scheme)).toEqual(['ip', 'digest']);
    auth('magic', 'x');
    await settle();
    expect(sent).toEqual([
      { header: { xid: -4, zxid: 0, err: 0 } },
      { header: { xid: -4, zxid: 0, err: ZkCode.AuthFailed } },
    ]);
    expect(events).toEqual(['stopReading', 'end after 2']);
  });

  it('answers an unreadable body, closes after Unimplemented, and aborts on garbage', async () => {
    const { packet, sent, events, answerer, settle } = await setup();
    packet(5, OpCode.getData, (w) => w.writeString('/'));
    packet(6, 99);
    await settle();
    expect(sent.map((s) => ('header' in s ? s.header : s))).toEqual([
      { xid: 5, zxid: expect.any(Number), err: ZkCode.MarshallingError },
      { xid: 6, zxid: -1, err: ZkCode.Unimplemented },
    ]);
    expect(events).toEqual(['stopReading', 'end after 2']);
    answerer.packet(Buffer.from([0, 0, 0]), 0);
    packet(-4, OpCode.auth, (w) => w.writeInt(0));
    expect(events.slice(2)).toEqual([
      expect.stringMatching(/^abort: bad packet/),
      expect.stringMatching(/^abort: bad packet/),
    ]);
  });

  it('answers sasl with a null token, as ZooKeeper without SASL does', async () => {
    const { packet, sent } = await setup();
    packet(7, OpCode.sasl, (w) => w.writeBuffer(Buffer.alloc(0)));
    expect(sent).toEqual([{ frame: `00000014${'00000007'}${'0'.repeat(16)}00000000ffffffff` }]);
  });

  it('closes the session, replies, then ends the connection', async () => {
    const { zk, ctx, packet, sent, events, settle } = await setup();
    packet(8, OpCode.closeSession);
    expect(events).toEqual(['closingSession', 'stopReading']);
    await settle();
    expect(sent).toEqual([{ header: { xid: 8, zxid: zk.lastZxid, err: 0 } }]);
    expect(events).toEqual(['closingSession', 'stopReading', 'end after 1']);
    expect(zk.session(ctx.sessionId)).toBeUndefined();
  });
});
