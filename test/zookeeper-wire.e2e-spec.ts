import { startTestServer } from './support/test-server';
import { freePort } from './support/server-process';
import { removeTempDirs, tempDir } from './support/temp-dir';
import { findZooKeeper } from './support/zookeeper-install';
import { startZooKeeper } from './support/zookeeper-standalone';
import { OpCode } from '../src/transports/zookeeper/jute/op-code';
import {
  WireConnection,
  ask,
  bool,
  buffer,
  closeWireConnections,
  connectRequest,
  createBody,
  int,
  long,
  multiEnd,
  multiOp,
  parseConnectResponse,
  request,
  session,
  ustring,
  vector,
  type Reply,
} from './support/zookeeper-wire';

// Packets written byte by byte from the jute definitions, for the requests neither third-party
// client sends. Every expectation below is what Apache ZooKeeper answers: when it is installed,
// the same suite runs against a real ZooKeeper 3.8 to prove it.

interface Target {
  name: string;
  start(): Promise<{ port: number; stop(): Promise<void> }>;
}

const zoonest: Target = {
  name: 'Zoonest',
  start: async () => {
    const server = await startTestServer();
    return { port: server.zkPort, stop: () => server.stop() };
  },
};

const install = findZooKeeper();
const zookeeper: Target = {
  name: 'Apache ZooKeeper',
  start: async () =>
    startZooKeeper(install!, {
      port: await freePort(),
      dataDir: await tempDir('zk-'),
      jvmFlags: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'],
    }),
};

const TARGETS = install ? [zoonest, zookeeper] : [zoonest];
const ZERO_PASSWORD = Buffer.alloc(16);
const NO_NODE = -101;
const NO_WATCHER = -121;
// Watcher.WatcherType
const ANY = 3;
const PERSISTENT = 4;
const PERSISTENT_RECURSIVE = 5;

const rest = (r: Reply) => r.body.buf.subarray(r.body.offset).toString('hex');
const header = (r: Reply) => [r.xid, r.err];
/** A WatcherEvent pushed with xid -1: [xid, err, type, state, path]. */
const event = (r: Reply) => [r.xid, r.err, r.body.int(), r.body.int(), r.body.ustring()];
async function events(conn: WireConnection, count: number) {
  const out: unknown[][] = [];
  for (let i = 0; i < count; i++) out.push(event(await conn.reply()));
  return out;
}

describe.each(TARGETS)('the ZooKeeper wire protocol, as $name answers it', (target) => {
  let port: number;
  let stop: () => Promise<void>;
  let base: string;
  let n = 0;

  beforeAll(async () => {
    ({ port, stop } = await target.start());
  }, 40_000);

  beforeEach(async () => {
    base = `/t${++n}`;
    const { conn } = await session(port);
    const created = await ask(conn, request(1, OpCode.create, ...createBody(base, 'base')));
    if (created.err !== 0) throw new Error(`cannot create ${base}: ${created.err}`);
    conn.close();
  });

  afterAll(async () => {
    closeWireConnections();
    await stop();
    await removeTempDirs();
  });

  it('negotiates the timeout and echoes the form of the readOnly flag', async () => {
    const low = await session(port, { timeoutMs: 1 });
    const high = await session(port, { timeoutMs: 1_000_000_000 });
    expect([low.res.timeoutMs, high.res.timeoutMs]).toEqual([4000, 40000]);
    expect(low.res.readOnly).toBe(false);
    expect(low.res.password).toHaveLength(16);
    expect(low.res.sessionId).not.toBe(high.res.sessionId);

    // A pre-3.4 ConnectRequest (no readOnly byte) gets a ConnectResponse without one.
    const old = await WireConnection.open(port);
    old.send(connectRequest({ timeoutMs: 10_000 }));
    const res = await old.next();
    expect(res === 'closed' ? res : parseConnectResponse(res).readOnly).toBeUndefined();
    // A client that allows read-only mode is told this server is read-write.
    const ro = await session(port, { readOnly: true });
    expect(ro.res.readOnly).toBe(false);
  });

  it('resumes a session with its password and refuses a wrong one with zeros, then closes', async () => {
    const first = await session(port, { timeoutMs: 10_000 });
    await ask(first.conn, request(1, OpCode.create, ...createBody(`${base}/eph`, null, 1)));
    first.conn.close();

    const again = await session(port, {
      sessionId: first.res.sessionId,
      password: first.res.password,
    });
    expect(again.res.sessionId).toBe(first.res.sessionId);
    const stat = await ask(
      again.conn,
      request(1, OpCode.exists, ustring(`${base}/eph`), bool(false)),
    );
    expect(stat.err).toBe(0);
    expect(stat.body.stat().ephemeralOwner).toBe(first.res.sessionId);

    const wrong = await session(port, {
      sessionId: first.res.sessionId,
      password: Buffer.alloc(16, 1),
    });
    expect(wrong.res).toEqual({
      timeoutMs: 0,
      sessionId: 0n,
      password: ZERO_PASSWORD,
      readOnly: false,
    });
    expect(await wrong.conn.closesWithin(3000)).toBe(true);
  });

  it('closes on a client that has seen a newer zxid, without a reply', async () => {
    const conn = await WireConnection.open(port);
    conn.send(connectRequest({ lastZxidSeen: 0x7fff_0000_0000n, readOnly: false }));
    expect(await conn.next()).toBe('closed');
    // ...and keeps serving everyone else.
    expect((await session(port)).res.timeoutMs).toBe(30_000);
  });

  it('answers create2, createContainer and createTTL with path and Stat', async () => {
    const { conn } = await session(port);
    const c2 = await ask(conn, request(1, OpCode.create2, ...createBody(`${base}/c2`, 'abc')));
    expect(header(c2)).toEqual([1, 0]);
    expect(c2.body.ustring()).toBe(`${base}/c2`);
    expect(c2.body.stat()).toMatchObject({ version: 0, dataLength: 3, ephemeralOwner: 0n });

    const seq = await ask(conn, request(2, OpCode.create2, ...createBody(`${base}/s-`, null, 2)));
    expect(seq.body.ustring()).toBe(`${base}/s-0000000001`);
    const container = await ask(
      conn,
      request(3, OpCode.createContainer, ...createBody(`${base}/box`, null, 4)),
    );
    expect([container.err, container.body.ustring()]).toEqual([0, `${base}/box`]);
    const ttl = await ask(
      conn,
      request(4, OpCode.createTTL, ...createBody(`${base}/ttl`, 'x', 5), long(60_000)),
    );
    expect([ttl.err, ttl.body.ustring()]).toEqual([0, `${base}/ttl`]);

    const again = await ask(conn, request(5, OpCode.create2, ...createBody(`${base}/c2`, 'abc')));
    // An error reply is the header alone.
    expect([...header(again), rest(again)]).toEqual([5, -110, '']);
    const badTtl = await ask(
      conn,
      request(6, OpCode.createTTL, ...createBody(`${base}/ttl0`, 'x', 5), long(0)),
    );
    expect(header(badTtl)).toEqual([6, -8]);
  });

  it('lists children both ways and counts descendants and own ephemerals', async () => {
    const { conn } = await session(port);
    await ask(conn, request(1, OpCode.create, ...createBody(`${base}/a`, null)));
    await ask(conn, request(2, OpCode.create, ...createBody(`${base}/a/deep`, null)));
    await ask(conn, request(3, OpCode.create, ...createBody(`${base}/e`, null, 1)));
    const other = await session(port);
    await ask(other.conn, request(1, OpCode.create, ...createBody(`${base}/theirs`, null, 1)));

    const plain = await ask(conn, request(4, OpCode.getChildren, ustring(base), bool(false)));
    expect(plain.body.strings().sort()).toEqual(['a', 'e', 'theirs']);
    expect(plain.body.remaining).toBe(0);
    const two = await ask(conn, request(5, OpCode.getChildren2, ustring(base), bool(false)));
    expect(two.body.strings().sort()).toEqual(['a', 'e', 'theirs']);
    expect(two.body.stat().numChildren).toBe(3);

    const count = await ask(conn, request(6, OpCode.getAllChildrenNumber, ustring(base)));
    expect([count.err, count.body.int()]).toEqual([0, 4]);
    const mine = await ask(conn, request(7, OpCode.getEphemerals, ustring(base)));
    expect(mine.body.strings()).toEqual([`${base}/e`]);
    const all = await ask(conn, request(8, OpCode.getEphemerals, ustring('/')));
    expect(all.body.strings()).toEqual([`${base}/e`]);
    const none = await ask(conn, request(9, OpCode.getEphemerals, ustring('/nothing-here')));
    expect(none.body.strings()).toEqual([]);
  });

  it('answers a multiRead op by op, an error in place of a missing node', async () => {
    const { conn } = await session(port);
    await ask(conn, request(1, OpCode.create, ...createBody(`${base}/k`, 'v')));
    const reply = await ask(
      conn,
      request(
        2,
        OpCode.multiRead,
        multiOp(OpCode.getData, ustring(`${base}/k`), bool(false)),
        multiOp(OpCode.getChildren, ustring(base), bool(false)),
        multiOp(OpCode.getData, ustring(`${base}/missing`), bool(false)),
        multiEnd(),
      ),
    );
    expect(header(reply)).toEqual([2, 0]);
    const r = reply.body;
    expect([r.int(), r.bool(), r.int()]).toEqual([OpCode.getData, false, 0]);
    expect(r.buffer()?.toString()).toBe('v');
    expect(r.stat().dataLength).toBe(1);
    expect([r.int(), r.bool(), r.int(), r.strings()]).toEqual([
      OpCode.getChildren,
      false,
      0,
      ['k'],
    ]);
    expect([r.int(), r.bool(), r.int(), r.int()]).toEqual([-1, false, NO_NODE, NO_NODE]);
    expect([r.int(), r.bool(), r.int(), r.remaining]).toEqual([-1, true, -1, 0]);
  });

  it('fails a multi with header err 0 and one error result per op', async () => {
    const { conn } = await session(port);
    const reply = await ask(
      conn,
      request(
        1,
        OpCode.multi,
        multiOp(OpCode.create, ...createBody(`${base}/m1`, null)),
        multiOp(OpCode.check, ustring(`${base}/missing`), int(-1)),
        multiOp(OpCode.create, ...createBody(`${base}/m2`, null)),
        multiEnd(),
      ),
    );
    expect(header(reply)).toEqual([1, 0]);
    // (MultiHeader{-1,false,err} ErrorResponse{err})* then MultiHeader{-1,true,-1}.
    expect(rest(reply)).toBe(
      'ffffffff0000000000' +
        '00000000' +
        'ffffffff00ffffff9b' +
        'ffffff9b' +
        'ffffffff00fffffffe' +
        'fffffffe' +
        'ffffffff01ffffffff',
    );
    const gone = await ask(conn, request(2, OpCode.exists, ustring(`${base}/m1`), bool(false)));
    expect(header(gone)).toEqual([2, NO_NODE]);
  });

  it('keeps persistent and recursive watches until removed, and checks them', async () => {
    const { conn } = await session(port);
    const tree = `${base}/tree`;
    await ask(conn, request(1, OpCode.create, ...createBody(tree, null)));
    const check = (xid: number, path: string, type: number) =>
      ask(conn, request(xid, OpCode.checkWatches, ustring(path), int(type)));
    const remove = (xid: number, path: string, type: number) =>
      ask(conn, request(xid, OpCode.removeWatches, ustring(path), int(type)));
    expect(header(await check(2, base, ANY))).toEqual([2, NO_WATCHER]);
    const added = await ask(conn, request(3, OpCode.addWatch, ustring(base), int(0)));
    // addWatch answers with an ErrorResponse of 0.
    expect([...header(added), rest(added)]).toEqual([3, 0, '00000000']);
    expect(header(await check(4, base, ANY))).toEqual([4, 0]);
    await ask(conn, request(5, OpCode.addWatch, ustring(tree), int(1)));

    const writer = await session(port);
    const set = (xid: number) =>
      ask(writer.conn, request(xid, OpCode.setData, ustring(base), buffer(null), int(-1)));
    await set(1);
    await set(2);
    await ask(writer.conn, request(3, OpCode.create, ...createBody(`${tree}/a`, null)));
    await ask(writer.conn, request(4, OpCode.create, ...createBody(`${tree}/a/b`, null)));
    await ask(writer.conn, request(5, OpCode.create, ...createBody(`${base}/kid`, null)));
    // Persistent: every change of base itself, child lists included; recursive: every node below.
    expect(await events(conn, 5)).toEqual([
      [-1, 0, 3, 3, base],
      [-1, 0, 3, 3, base],
      [-1, 0, 1, 3, `${tree}/a`],
      [-1, 0, 1, 3, `${tree}/a/b`],
      [-1, 0, 4, 3, base],
    ]);

    expect(header(await remove(8, base, ANY))).toEqual([8, 0]);
    expect(header(await check(9, base, ANY))).toEqual([9, NO_WATCHER]);
    expect(header(await remove(10, base, ANY))).toEqual([10, NO_WATCHER]);
    await set(6);
    // Nothing fired after removal: the next frame is the ping's reply.
    expect(header(await ask(conn, request(-2, OpCode.ping)))).toEqual([-2, 0]);
  });

  it('re-registers watches with setWatches, firing at once those that missed a change', async () => {
    const { conn } = await session(port);
    await ask(conn, request(1, OpCode.create, ...createBody(`${base}/changed`, 'old')));
    const created = await ask(conn, request(2, OpCode.create2, ...createBody(`${base}/same`, 'x')));
    created.body.ustring();
    const relZxid = created.body.stat().mzxid;
    await ask(conn, request(3, OpCode.setData, ustring(`${base}/changed`), buffer(null), int(-1)));
    await ask(conn, request(4, OpCode.create, ...createBody(`${base}/born`, null)));

    conn.send(
      request(
        -8,
        OpCode.setWatches,
        long(relZxid),
        vector([ustring(`${base}/changed`), ustring(`${base}/same`), ustring(`${base}/gone`)]),
        vector([ustring(`${base}/born`), ustring(`${base}/unborn`)]),
        vector([ustring(`${base}/same`)]),
      ),
    );
    const fired = await events(conn, 3);
    expect(fired.sort()).toEqual(
      [
        [-1, 0, 3, 3, `${base}/changed`],
        [-1, 0, 2, 3, `${base}/gone`],
        [-1, 0, 1, 3, `${base}/born`],
      ].sort(),
    );
    expect(header(await conn.reply())).toEqual([-8, 0]);

    // The others are armed: a change to /same fires its data and child watches.
    const writer = await session(port);
    await ask(writer.conn, request(1, OpCode.create, ...createBody(`${base}/same/kid`, null)));
    await ask(writer.conn, request(2, OpCode.create, ...createBody(`${base}/unborn`, null)));
    const later = await events(conn, 2);
    expect(later.sort()).toEqual(
      [
        [-1, 0, 4, 3, `${base}/same`],
        [-1, 0, 1, 3, `${base}/unborn`],
      ].sort(),
    );
  });

  it('re-registers persistent watches with setWatches2', async () => {
    const { conn } = await session(port);
    const zxid = (await ask(conn, request(1, OpCode.sync, ustring(base)))).zxid;
    conn.send(
      request(
        -8,
        OpCode.setWatches2,
        long(zxid),
        vector([]),
        vector([]),
        vector([]),
        vector([ustring(base)]),
        vector([ustring(`${base}/tree`)]),
      ),
    );
    expect(header(await conn.reply())).toEqual([-8, 0]);
    const writer = await session(port);
    await ask(writer.conn, request(1, OpCode.setData, ustring(base), buffer(null), int(-1)));
    await ask(writer.conn, request(2, OpCode.create, ...createBody(`${base}/tree`, null)));
    await ask(writer.conn, request(3, OpCode.create, ...createBody(`${base}/tree/leaf`, null)));
    const seen = await events(conn, 4);
    expect(seen).toEqual([
      [-1, 0, 3, 3, base],
      [-1, 0, 1, 3, `${base}/tree`],
      [-1, 0, 4, 3, base],
      [-1, 0, 1, 3, `${base}/tree/leaf`],
    ]);
  });

  it('answers ping, auth, sasl, sync, reconfig and whoAmI as ZooKeeper does', async () => {
    const { conn } = await session(port);
    const ping = await ask(conn, request(-2, OpCode.ping));
    expect([...header(ping), rest(ping)]).toEqual([-2, 0, '']);
    expect(ping.zxid).toBeGreaterThan(0n);
    const auth = await ask(
      conn,
      request(-4, OpCode.auth, int(0), ustring('digest'), buffer(Buffer.from('bob:pw'))),
    );
    expect([auth.xid, auth.zxid, auth.err]).toEqual([-4, 0n, 0]);
    const sasl = await ask(conn, request(1, OpCode.sasl, buffer(Buffer.alloc(0))));
    expect([sasl.xid, sasl.zxid, sasl.err, rest(sasl)]).toEqual([1, 0n, 0, 'ffffffff']);
    const sync = await ask(conn, request(2, OpCode.sync, ustring(base)));
    expect([...header(sync), sync.body.ustring()]).toEqual([2, 0, base]);
    const reconfig = await ask(
      conn,
      request(3, OpCode.reconfig, ustring(null), ustring(null), ustring(null), long(-1)),
    );
    expect(header(reconfig)).toEqual([3, -123]);
    const who = await ask(conn, request(4, OpCode.whoAmI));
    const count = who.body.int();
    const infos = Array.from({ length: count }, () => [who.body.ustring(), who.body.ustring()]);
    // ZooKeeper keeps a connection's identities in a set: compare them unordered.
    expect(infos.sort()).toEqual([
      ['digest', 'bob'],
      ['ip', '127.0.0.1'],
    ]);
  });

  it('answers with the last zxid in every reply header', async () => {
    const { conn } = await session(port);
    const created = await ask(conn, request(1, OpCode.create2, ...createBody(`${base}/z`, null)));
    created.body.ustring();
    const czxid = created.body.long();
    expect(created.zxid).toBeGreaterThanOrEqual(czxid);
    const read = await ask(conn, request(2, OpCode.getData, ustring(`${base}/z`), bool(false)));
    expect(read.zxid).toBeGreaterThanOrEqual(czxid);
    const missing = await ask(
      conn,
      request(3, OpCode.getData, ustring(`${base}/none`), bool(false)),
    );
    expect([missing.err, rest(missing)]).toEqual([NO_NODE, '']);
    expect(missing.zxid).toBeGreaterThanOrEqual(czxid);
  });

  it('takes a packet of exactly jute.maxbuffer and hangs up on one byte more, so 1 MiB never fits', async () => {
    const path = `${base}/max`;
    const setData = (xid: number, data: Buffer) =>
      request(xid, OpCode.setData, ustring(path), buffer(data), int(-1));
    const bodyOf = (packet: Buffer) => packet.length - 4;
    const { conn } = await session(port);
    const fits = 0xfffff - bodyOf(request(1, OpCode.create, ...createBody(path, '')));
    const created = await ask(
      conn,
      request(1, OpCode.create, ...createBody(path, 'x'.repeat(fits))),
    );
    expect(created.err).toBe(0);
    const oneOver = 0xfffff + 1 - bodyOf(setData(2, Buffer.alloc(0)));
    conn.send(setData(2, Buffer.alloc(oneOver, 1)));
    expect(await conn.next()).toBe('closed');

    const mib = await session(port);
    mib.conn.send(setData(1, Buffer.alloc(1 << 20, 1)));
    expect(await mib.conn.next()).toBe('closed');

    const check = await session(port);
    const read = await ask(check.conn, request(1, OpCode.exists, ustring(path), bool(false)));
    const stat = read.body.stat();
    expect([read.err, stat.dataLength, stat.version]).toEqual([0, fits, 0]);
  });

  it('replies MarshallingError to a truncated body and keeps the connection', async () => {
    const { conn } = await session(port);
    const bad = await ask(conn, request(1, OpCode.getData, ustring(base)));
    expect(header(bad)).toEqual([1, -5]);
    const good = await ask(conn, request(2, OpCode.getData, ustring(base), bool(false)));
    expect([...header(good), good.body.buffer()?.toString()]).toEqual([2, 0, 'base']);
  });

  it('replies Unimplemented to an unknown op with zxid -1, then closes', async () => {
    const { conn } = await session(port);
    const reply = await ask(conn, request(7, 99));
    expect([reply.xid, reply.zxid, reply.err]).toEqual([7, -1n, -6]);
    expect(await conn.closesWithin(3000)).toBe(true);
  });

  it('fails an unknown auth scheme with AuthFailed and closes; a garbled one just closes', async () => {
    const failed = await session(port);
    const reply = await ask(
      failed.conn,
      request(-4, OpCode.auth, int(0), ustring('nosuch'), buffer(Buffer.from('x'))),
    );
    expect([reply.xid, reply.zxid, reply.err]).toEqual([-4, 0n, -115]);
    expect(await failed.conn.closesWithin(3000)).toBe(true);

    const garbled = await session(port);
    garbled.conn.send(request(-4, OpCode.auth, int(0)));
    expect(await garbled.conn.next()).toBe('closed');
  });

  it('closes the session on request: the reply, then the connection, then it is gone', async () => {
    const { conn, res } = await session(port);
    await ask(conn, request(1, OpCode.create, ...createBody(`${base}/mine`, null, 1)));
    const closed = await ask(conn, request(2, OpCode.closeSession));
    expect(header(closed)).toEqual([2, 0]);
    expect(await conn.closesWithin(3000)).toBe(true);

    const other = await session(port);
    const gone = await ask(
      other.conn,
      request(1, OpCode.exists, ustring(`${base}/mine`), bool(false)),
    );
    expect(gone.err).toBe(NO_NODE);
    const resumed = await session(port, { sessionId: res.sessionId, password: res.password });
    expect(resumed.res.timeoutMs).toBe(0);
  });
});

/**
 * Where Apache ZooKeeper 3.8 differs: 3.9 checks and removes persistent watches by their own
 * types, and 3.8 refuses deleteContainer from clients (only its own reaper sends it).
 */
describe('Zoonest beyond ZooKeeper 3.8', () => {
  let port: number;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ port, stop } = await zoonest.start());
  });

  afterAll(async () => {
    closeWireConnections();
    await stop();
    await removeTempDirs();
  });

  it('checks and removes persistent and recursive watches separately', async () => {
    const { conn } = await session(port);
    const check = (xid: number, type: number) =>
      ask(conn, request(xid, OpCode.checkWatches, ustring('/'), int(type)));
    await ask(conn, request(1, OpCode.addWatch, ustring('/'), int(0)));
    await ask(conn, request(2, OpCode.addWatch, ustring('/'), int(1)));
    expect(header(await check(3, PERSISTENT))).toEqual([3, 0]);
    expect(header(await check(4, PERSISTENT_RECURSIVE))).toEqual([4, 0]);
    const removed = await ask(
      conn,
      request(5, OpCode.removeWatches, ustring('/'), int(PERSISTENT)),
    );
    expect(header(removed)).toEqual([5, 0]);
    expect(header(await check(6, PERSISTENT))).toEqual([6, NO_WATCHER]);
    expect(header(await check(7, PERSISTENT_RECURSIVE))).toEqual([7, 0]);
  });

  it('deletes an empty container with deleteContainer', async () => {
    const { conn } = await session(port);
    await ask(conn, request(1, OpCode.createContainer, ...createBody('/box', null, 4)));
    await ask(conn, request(2, OpCode.create, ...createBody('/box/item', null)));
    const full = await ask(conn, request(3, OpCode.deleteContainer, ustring('/box')));
    expect(header(full)).toEqual([3, -111]);
    await ask(conn, request(4, OpCode.delete, ustring('/box/item'), int(-1)));
    const emptied = await ask(conn, request(5, OpCode.deleteContainer, ustring('/box')));
    expect([...header(emptied), rest(emptied)]).toEqual([5, 0, '']);
    const gone = await ask(conn, request(6, OpCode.deleteContainer, ustring('/box')));
    expect(header(gone)).toEqual([6, NO_NODE]);
  });
});
