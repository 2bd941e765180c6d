import { createHash } from 'node:crypto';
import type { RunningServer } from '../src/server/start-server';
import { startTestServer } from './support/test-server';
import { removeTempDirs } from './support/temp-dir';
import {
  closeZkClients,
  connectZk,
  nzk,
  within,
  type ZkTestClient,
} from './support/zookeeper-client';
import { OpCode } from '../src/transports/zookeeper/jute/op-code';
import {
  WireConnection,
  ask,
  bool,
  buffer,
  closeWireConnections,
  connectRequest,
  createBody,
  fourLetterWord,
  frame,
  int,
  long,
  multiEnd,
  multiOp,
  request,
  session,
  ustring,
  vector,
} from './support/zookeeper-wire';

/** jute.maxbuffer for this suite: the longest packet body taken. */
const MAX_FRAME = 4096;
const SEED = Number(process.env.ZOONEST_FUZZ_SEED ?? 20_260_101);
const ROUNDS = 40;
const CONNECTIONS_PER_ROUND = 24;

/** mulberry32: a small seeded generator, so a failing run can be replayed with its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Valid packets of every kind, the seeds the mutations start from. */
function corpus(): Buffer[] {
  return [
    request(1, OpCode.create, ...createBody('/fz/a', 'data')),
    request(2, OpCode.create2, ...createBody('/fz/b-', null, 3)),
    request(3, OpCode.createTTL, ...createBody('/fz/t', 'x', 5), long(1000)),
    request(4, OpCode.createContainer, ...createBody('/fz/c', null, 4)),
    request(5, OpCode.delete, ustring('/fz/a'), int(-1)),
    request(6, OpCode.deleteContainer, ustring('/fz/c')),
    request(7, OpCode.exists, ustring('/fz'), bool(true)),
    request(8, OpCode.getData, ustring('/fuzz'), bool(true)),
    request(9, OpCode.setData, ustring('/fz/a'), buffer(Buffer.from('v')), int(0)),
    request(10, OpCode.getACL, ustring('/fuzz')),
    request(11, OpCode.setACL, ustring('/fz/a'), vector([]), int(-1)),
    request(12, OpCode.getChildren, ustring('/'), bool(true)),
    request(13, OpCode.getChildren2, ustring('/fuzz'), bool(false)),
    request(14, OpCode.sync, ustring('/')),
    request(-2, OpCode.ping),
    request(
      15,
      OpCode.multi,
      multiOp(OpCode.create, ...createBody('/fz/m', null)),
      multiOp(OpCode.check, ustring('/fz'), int(-1)),
      multiOp(OpCode.setData, ustring('/fz/m'), buffer(null), int(-1)),
      multiOp(OpCode.delete, ustring('/fz/m'), int(-1)),
      multiEnd(),
    ),
    request(
      16,
      OpCode.multiRead,
      multiOp(OpCode.getData, ustring('/fuzz'), bool(false)),
      multiOp(OpCode.getChildren, ustring('/'), bool(false)),
      multiEnd(),
    ),
    request(17, OpCode.checkWatches, ustring('/fz'), int(3)),
    request(18, OpCode.removeWatches, ustring('/fz'), int(1)),
    request(-4, OpCode.auth, int(0), ustring('digest'), buffer(Buffer.from('u:p'))),
    request(
      -8,
      OpCode.setWatches,
      long(1),
      vector([ustring('/fuzz')]),
      vector([ustring('/fz/x')]),
      vector([ustring('/')]),
    ),
    request(
      -8,
      OpCode.setWatches2,
      long(1),
      vector([]),
      vector([]),
      vector([]),
      vector([ustring('/fz')]),
      vector([ustring('/fz')]),
    ),
    request(19, OpCode.sasl, buffer(Buffer.alloc(8))),
    request(20, OpCode.getEphemerals, ustring('/')),
    request(21, OpCode.getAllChildrenNumber, ustring('/')),
    request(22, OpCode.addWatch, ustring('/fz'), int(1)),
    request(23, OpCode.whoAmI),
    request(24, OpCode.reconfig, ustring(null), ustring(null), ustring(null), long(-1)),
  ];
}

/** One hostile variant of a packet: flipped, cut, grown, re-lengthed or replaced. */
function mutate(rnd: () => number, seedPacket: Buffer): Buffer {
  const pick = (n: number) => Math.floor(rnd() * n);
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => pick(256)));
  const p = Buffer.from(seedPacket);
  switch (pick(9)) {
    case 0: // flip bits in the body
      for (let i = 0, n = 1 + pick(4); i < n; i++) {
        const at = 4 + pick(Math.max(1, p.length - 4));
        if (at < p.length) p[at] = (p[at] ?? 0) ^ (1 << pick(8));
      }
      return p;
    case 1: // overwrite an int inside with an extreme value (lengths, counts, types)
      if (p.length >= 12) {
        const at = 4 + pick(p.length - 8);
        p.writeInt32BE([-1, -2, 0x7fffffff, -0x80000000, 0x10000, 1e6][pick(6)] ?? -1, at);
      }
      return p;
    case 2: // the body cut short, length prefix adjusted to match
      return frame(p.subarray(4, 4 + pick(p.length - 4)));
    case 3: // random bytes appended
      return frame(p.subarray(4), bytes(pick(64)));
    case 4: // a lying length prefix (the stream is out of step afterwards)
      p.writeInt32BE(pick(2) ? p.length - 4 + 1 + pick(100) : Math.max(0, p.length - 5 - pick(8)));
      return p;
    case 5: // a valid header with a random op and random body
      return frame(int(pick(1000) - 20), int(pick(130) - 15), bytes(pick(200)));
    case 6: // pure garbage, framed
      return frame(bytes(pick(300)));
    case 7: // pure garbage, unframed
      return bytes(1 + pick(300));
    default: // a frame over the limit, or negative
      return pick(2) ? int(MAX_FRAME + 1 + pick(1e6)) : int(-1 - pick(1000));
  }
}

/** Writes `data` in random pieces, as TCP may deliver it. */
function sendInPieces(rnd: () => number, conn: WireConnection, data: Buffer): void {
  let at = 0;
  while (at < data.length) {
    const n = 1 + Math.floor(rnd() * Math.min(512, data.length - at));
    conn.send(data.subarray(at, at + n));
    at += n;
  }
}

const digest = (user: string, password: string) =>
  `${user}:${createHash('sha1').update(`${user}:${password}`).digest('base64')}`;

/** Random and mutated frames: the server must stay up and keep serving well-formed clients. */
describe('ZooKeeper protocol under hostile input', () => {
  let server: RunningServer;
  let probe: ZkTestClient;

  beforeAll(async () => {
    server = await startTestServer({
      ZOONEST_JUTE_MAXBUFFER: MAX_FRAME,
      ZOONEST_4LW_COMMANDS_WHITELIST: 'mntr,ruok',
    });
    probe = await connectZk(`127.0.0.1:${server.zkPort}`);
    probe.raw.addAuthInfo('digest', Buffer.from('probe:pw'));
    // Fuzzers may read /fuzz but neither change nor delete it (its child keeps it non-empty).
    const acl = [
      new nzk.ACL(nzk.Permission.ALL, new nzk.Id('digest', digest('probe', 'pw'))),
      new nzk.ACL(nzk.Permission.READ, new nzk.Id('world', 'anyone')),
    ];
    await probe.create('/fuzz', 'alive', { acl });
    await probe.create('/fuzz/keep', null, { acl });
    await probe.create('/fz');
  });

  afterAll(async () => {
    closeWireConnections();
    await closeZkClients();
    await server.stop();
    await removeTempDirs();
  });

  const stillServing = async () => {
    const got = await within(probe.getData('/fuzz'), 3000, 'a reply to the probe');
    expect(got.data?.toString()).toBe('alive');
  };

  it('closes on a frame over jute.maxbuffer, unanswered, and serves packets up to the limit', async () => {
    const { conn } = await session(server.zkPort);
    const fits = await ask(conn, request(1, OpCode.create, ...createBody('/fz/limit', null)));
    expect(fits.err).toBe(0);
    const setData = (data: Buffer) =>
      request(2, OpCode.setData, ustring('/fz/limit'), buffer(data), int(-1));
    const room = MAX_FRAME + 4 - setData(Buffer.alloc(0)).length;
    const set = await ask(conn, setData(Buffer.alloc(room, 1)));
    expect(set.err).toBe(0);

    // A length prefix past the limit: ZooKeeper's "Len error", the connection closes.
    conn.send(int(MAX_FRAME + 1));
    expect(await conn.next()).toBe('closed');
    const negative = await session(server.zkPort);
    negative.conn.send(int(-1));
    expect(await negative.conn.next()).toBe('closed');
    const before = await WireConnection.open(server.zkPort);
    before.send(int(MAX_FRAME + 1), Buffer.alloc(16));
    expect(await before.next()).toBe('closed');
    await stillServing();
  });

  it('closes on garbage before or instead of a handshake', async () => {
    const http = await WireConnection.open(server.zkPort);
    http.send(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect(await http.next()).toBe('closed');
    const shortConnect = await WireConnection.open(server.zkPort);
    shortConnect.send(frame(int(0), long(0)));
    expect(await shortConnect.next()).toBe('closed');
    const headerless = await session(server.zkPort);
    headerless.conn.send(frame(int(5)));
    expect(await headerless.conn.next()).toBe('closed');
    await stillServing();
  });

  it('survives truncated frames from clients that then vanish', async () => {
    const conns = await Promise.all(
      Array.from({ length: 20 }, () => WireConnection.open(server.zkPort)),
    );
    conns.forEach((c, i) => {
      const whole = Buffer.concat([
        connectRequest({ readOnly: false }),
        request(1, OpCode.sync, ustring('/')),
      ]);
      c.send(whole.subarray(0, 1 + ((i * 7) % (whole.length - 1))));
    });
    for (const c of conns) c.close();
    await stillServing();
  });

  it(`keeps serving through ${ROUNDS * CONNECTIONS_PER_ROUND} connections of mutated packets (seed ${SEED})`, async () => {
    const rnd = random(SEED);
    const seeds = corpus();
    closeWireConnections();
    await new Promise((r) => setTimeout(r, 100));
    const baseline = (await fourLetterWord(server.zkPort, 'mntr')).match(
      /^zk_num_alive_connections\t(\d+)$/m,
    )?.[1];
    for (let round = 0; round < ROUNDS; round++) {
      const conns = await Promise.all(
        Array.from({ length: CONNECTIONS_PER_ROUND }, () => WireConnection.open(server.zkPort)),
      );
      for (const conn of conns) {
        const packets: Buffer[] = [];
        // Most connections shake hands first, so their mutations reach the request decoder.
        if (rnd() < 0.8) packets.push(connectRequest({ readOnly: rnd() < 0.5, timeoutMs: 5000 }));
        else packets.push(mutate(rnd, connectRequest({ readOnly: false })));
        for (let i = 0, n = 1 + Math.floor(rnd() * 6); i < n; i++) {
          const seed = seeds[Math.floor(rnd() * seeds.length)]!;
          packets.push(rnd() < 0.3 ? seed : mutate(rnd, seed));
        }
        sendInPieces(rnd, conn, Buffer.concat(packets));
      }
      // Let the server chew, then hang up on whatever it has not closed itself.
      await new Promise((r) => setTimeout(r, 50));
      for (const conn of conns) conn.close();
      await stillServing();
    }

    // Every hostile connection leaves the server's books; fresh clients still work.
    const alive = async () =>
      (await fourLetterWord(server.zkPort, 'mntr')).match(
        /^zk_num_alive_connections\t(\d+)$/m,
      )?.[1];
    const deadline = Date.now() + 5000;
    while ((await alive()) !== baseline && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await alive()).toBe(baseline);
    const fresh = await connectZk(`127.0.0.1:${server.zkPort}`);
    expect((await fresh.getData('/fuzz')).data?.toString()).toBe('alive');
    expect((await fresh.getChildren('/fuzz')).children).toEqual(['keep']);
    expect(await fourLetterWord(server.zkPort, 'ruok')).toBe('imok');
  });
});
