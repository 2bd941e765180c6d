import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { Coordinator } from '../core/coordinator';
import type { CommitBatch, Snapshot, TxnStore } from '../core/ports';
import type { SessionRecord } from '../core/session-record';
import type { Stat } from '../core/stat';
import type { Txn } from '../core/txn';
import type { NodeRecord } from '../core/znode';
import { createDataSource } from './data-source.factory';
import { TypeOrmTxnStore } from './typeorm-txn-store';
import { toTxnLogRow } from './txn-log.entity';

const PG_URL = process.env.ZOONEST_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A database kind; `fresh` makes a new empty database and returns how to open it (again). */
interface Backend {
  name: string;
  fresh(): Promise<() => DataSource>;
  cleanup(): Promise<void>;
}

const dirs: string[] = [];
const schemas: string[] = [];

const BACKENDS: Backend[] = [
  {
    name: 'sqlite',
    fresh: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'zoonest-store-'));
      dirs.push(dir);
      return () => createDataSource({ dataDir: join(dir, 'data') });
    },
    cleanup: async () => {
      await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
    },
  },
  {
    name: 'postgres',
    fresh: async () => {
      const schema = `zn_store_${randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      return () => createDataSource({ dataDir: '/nonexistent', dbUrl: PG_URL, pgSchema: schema });
    },
    cleanup: async () => {
      const client = new Client({ connectionString: PG_URL });
      await client.connect();
      try {
        for (const s of schemas.splice(0))
          await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  },
];

const [, POSTGRES] = BACKENDS as [Backend, Backend];

const BIG_ID = 2n ** 63n - 1n; // > 2^53: a double would round it
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const T0 = 1_764_000_000_000;

const stat = (zxid: number, dataLength = 0): Stat => ({
  czxid: zxid,
  mzxid: zxid,
  pzxid: zxid,
  ctime: T0 + zxid,
  mtime: T0 + zxid,
  version: 0,
  cversion: 0,
  aversion: 0,
  ephemeralOwner: 0n,
  dataLength,
  numChildren: 0,
});

function node(path: string, zxid: number, extra: Partial<NodeRecord> = {}): NodeRecord {
  return {
    path,
    data: Buffer.from(`data of ${path}`),
    acl: [{ scheme: 'world', id: 'anyone', perms: 31 }],
    kind: 'persistent',
    ttlMs: 0,
    ephemeralOwner: 0n,
    czxid: zxid,
    mzxid: zxid,
    pzxid: zxid,
    ctime: T0 + zxid,
    mtime: T0 + zxid,
    version: 0,
    cversion: 0,
    aversion: 0,
    ...extra,
  };
}

const session = (id: bigint, password = randomBytes(16)): SessionRecord => ({
  id,
  password,
  timeoutMs: 10_000,
});

/** `count` transactions from `firstZxid` on, each creating node `/n<zxid>`. */
function creates(firstZxid: number, count: number, more: Partial<CommitBatch> = {}): CommitBatch {
  const nodes = Array.from({ length: count }, (_, i) => node(`/n${firstZxid + i}`, firstZxid + i));
  const txns: Txn[] = nodes.map((n) => ({
    zxid: n.czxid,
    time: n.ctime,
    sessionId: 0n,
    ops: [{ op: 'create', node: n, stat: stat(n.czxid, n.data.length) }],
  }));
  return {
    txns,
    upsertNodes: nodes,
    deletePaths: [],
    openSessions: [],
    closeSessions: [],
    lastZxid: firstZxid + count - 1,
    ...more,
  };
}

/** Commits a batch prepared in advance, as a writer that applied everything before it. */
const put = (s: TxnStore, batch: CommitBatch): Promise<void> =>
  s.commit((batch.txns[0]?.zxid ?? 1) - 1, () => batch);

/** Everything `load` hands over, nodes included. */
type Loaded = Snapshot & { nodes: NodeRecord[] };

async function loadAll(s: TxnStore): Promise<Loaded> {
  const nodes: NodeRecord[] = [];
  const snapshot = await s.load((node) => nodes.push(node));
  return { ...snapshot, nodes };
}

const byPath = (a: NodeRecord, b: NodeRecord) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
const sorted = (s: Loaded): Loaded => ({
  ...s,
  nodes: [...s.nodes].sort(byPath),
  sessions: [...s.sessions].sort((a, b) => (a.id < b.id ? -1 : 1)),
});

describe.each(BACKENDS)('TypeOrmTxnStore on $name', (backend) => {
  const open: TypeOrmTxnStore[] = [];
  let opener: () => DataSource;

  async function store(historyTxns = 1_000): Promise<TypeOrmTxnStore> {
    const s = new TypeOrmTxnStore(await opener().initialize(), { historyTxns });
    open.push(s);
    return s;
  }

  /** Closes `s` and opens the same database through a new DataSource. */
  async function reopen(s: TypeOrmTxnStore, historyTxns = 1_000): Promise<TypeOrmTxnStore> {
    await s.close();
    return store(historyTxns);
  }

  beforeEach(async () => {
    opener = await backend.fresh();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(() => backend.cleanup());

  it('loads an empty store', async () => {
    const s = await store();
    await expect(loadAll(s)).resolves.toEqual({ lastZxid: 0, nodes: [], sessions: [] });
    await expect(s.readLog(0, 10)).resolves.toEqual({ oldestZxid: 1, lastZxid: 0, txns: [] });
  });

  it('gives back after a reopen exactly what was committed', async () => {
    let s = await store();
    const first = creates(1, 3, { openSessions: [session(7n), session(BIG_ID)] });
    await put(s, first);
    const changed = node('/n2', 2, {
      data: Buffer.from('v2'),
      version: 1,
      mzxid: 4,
      mtime: T0 + 4,
    });
    await put(s, {
      txns: [
        {
          zxid: 4,
          time: T0 + 4,
          sessionId: 7n,
          ops: [{ op: 'setData', path: '/n2', data: changed.data, version: 1, stat: stat(4, 2) }],
        },
        {
          zxid: 5,
          time: T0 + 5,
          sessionId: 7n,
          ops: [{ op: 'delete', path: '/n3', stat: stat(3) }],
        },
        { zxid: 6, time: T0 + 6, sessionId: 0n, ops: [{ op: 'closeSession', sessionId: 7n }] },
      ],
      upsertNodes: [changed],
      deletePaths: ['/n3'],
      openSessions: [],
      closeSessions: [7n],
      lastZxid: 6,
    });

    s = await reopen(s);
    expect(sorted(await loadAll(s))).toEqual({
      lastZxid: 6,
      nodes: [first.upsertNodes[0], changed],
      sessions: [first.openSessions[1]],
    });
  });

  it('keeps binary data and passwords byte-exact', async () => {
    let s = await store();
    const password = Buffer.concat([ALL_BYTES, Buffer.from([0, 0])]);
    const big = randomBytes(300_000);
    await put(
      s,
      creates(1, 2, {
        upsertNodes: [
          node('/n1', 1, { data: ALL_BYTES }),
          node('/n2', 2, { data: big }),
          node('/empty', 2, { data: Buffer.alloc(0) }),
        ],
        openSessions: [session(1n, password)],
      }),
    );
    s = await reopen(s);
    const { nodes, sessions } = await loadAll(s);
    const data = new Map(nodes.map((n) => [n.path, n.data]));
    expect(Buffer.isBuffer(data.get('/n1'))).toBe(true);
    expect(data.get('/n1')?.equals(ALL_BYTES)).toBe(true);
    expect(data.get('/n2')?.equals(big)).toBe(true);
    expect(data.get('/empty')?.length).toBe(0);
    expect(sessions[0]?.password.equals(password)).toBe(true);
  });

  it('keeps 64-bit session ids exact, beyond 2^53', async () => {
    let s = await store();
    const owned = node('/e', 1, { kind: 'ephemeral', ephemeralOwner: BIG_ID });
    await put(
      s,
      creates(1, 1, {
        upsertNodes: [owned],
        openSessions: [session(BIG_ID), session(BIG_ID - 1n)],
      }),
    );
    await put(s, { ...creates(2, 1), upsertNodes: [], closeSessions: [BIG_ID - 1n] });
    s = await reopen(s);
    const snap = await loadAll(s);
    expect(snap.sessions.map((x) => x.id)).toEqual([BIG_ID]);
    expect(snap.nodes.map((n) => n.ephemeralOwner)).toEqual([BIG_ID]);
  });

  it('reads the log after a zxid, ascending, at most limit', async () => {
    const s = await store();
    const batches = [creates(1, 3), creates(4, 1), creates(5, 4)];
    for (const b of batches) await put(s, b);
    const all = batches.flatMap((b) => b.txns);

    await expect(s.readLog(0, 100)).resolves.toEqual({ oldestZxid: 1, lastZxid: 8, txns: all });
    expect((await s.readLog(2, 3)).txns.map((t) => t.zxid)).toEqual([3, 4, 5]);
    expect((await s.readLog(7, 100)).txns.map((t) => t.zxid)).toEqual([8]);
    expect((await s.readLog(8, 100)).txns).toEqual([]);
    expect((await s.readLog(0, 0)).txns).toEqual([]);
  });

  it('prunes the log to the newest historyTxns and reports the oldest kept', async () => {
    let s = await store(5);
    for (const b of [creates(1, 4), creates(5, 4), creates(9, 4)]) await put(s, b);
    let slice = await s.readLog(0, 100);
    expect(slice.txns.map((t) => t.zxid)).toEqual([8, 9, 10, 11, 12]);
    expect(slice.oldestZxid).toBe(8);

    // One batch bigger than the whole history.
    await put(s, creates(13, 7));
    s = await reopen(s, 5);
    slice = await s.readLog(0, 100);
    expect(slice.txns.map((t) => t.zxid)).toEqual([15, 16, 17, 18, 19]);
    expect(slice.oldestZxid).toBe(15);
    expect((await loadAll(s)).nodes).toHaveLength(19); // pruning the log keeps the tree
  });

  it('reports lastZxid + 1 as the oldest when no history is kept', async () => {
    const s = await store(0);
    await put(s, creates(1, 3));
    await expect(s.readLog(0, 10)).resolves.toEqual({ oldestZxid: 4, lastZxid: 3, txns: [] });
  });

  it('leaves nothing behind when a commit fails late (duplicate session)', async () => {
    let s = await store();
    await put(s, creates(1, 2, { openSessions: [session(42n)] }));
    const before = sorted(await loadAll(s));
    const log = await s.readLog(0, 100);

    const failing = creates(3, 3, {
      deletePaths: ['/n1'],
      openSessions: [session(43n), session(42n)], // 42 exists: the INSERT fails after the rest ran
      closeSessions: [],
    });
    await expect(put(s, failing)).rejects.toThrow();

    s = await reopen(s);
    expect(sorted(await loadAll(s))).toEqual(before);
    await expect(s.readLog(0, 100)).resolves.toEqual(log);
    // The zxids were not used up: the same batch without the bad session commits.
    await put(s, { ...failing, openSessions: [session(43n)] });
    expect((await loadAll(s)).lastZxid).toBe(5);
  });

  it('rejects a batch that does not continue the log, changing nothing', async () => {
    const s = await store();
    await put(s, creates(1, 2));
    const before = sorted(await loadAll(s));
    await expect(put(s, creates(2, 2))).rejects.toThrow(/out of order: zxid 2 where 3 was next/);
    await expect(put(s, creates(4, 1))).rejects.toThrow(/applied zxid 3 but the log ends at 2/);
    await expect(put(s, { ...creates(3, 2), lastZxid: 9 })).rejects.toThrow(/lastZxid 9/);
    expect(sorted(await loadAll(s))).toEqual(before);
    expect((await s.readLog(0, 100)).txns).toHaveLength(2);
  });

  it('never lets a read see a commit in progress, nor one that failed', async () => {
    const s = await store();
    const [, during] = await Promise.all([put(s, creates(1, 50)), s.readLog(0, 1000)]);
    expect([0, 50]).toContain(during.txns.length);

    const bad = creates(51, 50, { openSessions: [session(1n), session(1n)] });
    const [failed, after, snap] = await Promise.allSettled([
      put(s, bad),
      s.readLog(50, 1000),
      loadAll(s),
    ]);
    expect(failed.status).toBe('rejected');
    expect(after).toEqual({
      status: 'fulfilled',
      value: { oldestZxid: 1, lastZxid: 50, txns: [] },
    });
    expect(snap.status === 'fulfilled' && snap.value.lastZxid).toBe(50);
  });

  it('commits a big batch in one go: thousands of rows, megabytes of data', async () => {
    let s = await store(10_000);
    const big = creates(1, 3_000);
    big.upsertNodes.slice(0, 12).forEach((n) => (n.data = randomBytes(1024 * 1024)));
    const started = performance.now();
    await put(s, big);
    const millis = performance.now() - started;
    s = await reopen(s, 10_000);
    const snap = await loadAll(s);
    expect(snap.nodes).toHaveLength(3_000);
    expect(snap.nodes.filter((n) => n.data.length === 1024 * 1024)).toHaveLength(12);
    expect((await s.readLog(0, 5_000)).txns).toHaveLength(3_000);
    expect(millis).toBeLessThan(10_000);
  });

  it('serves the Coordinator: every acknowledged write is there after a restart', async () => {
    const boot = (store: TypeOrmTxnStore) =>
      Coordinator.open({
        store,
        clock: { now: () => T0 },
        entropy: { randomBytes },
        scheduler: { defer: (fn) => setImmediate(fn) },
        limits: {
          juteMaxBuffer: 1024,
          minSessionTimeoutMs: 1_000,
          maxSessionTimeoutMs: 60_000,
          maxPendingWrites: 10_000,
        },
        elapsed: () => performance.now(),
      });
    const anon = { sessionId: 0n, remoteAddress: '127.0.0.1' };
    let s = await store();
    let zk = await boot(s);
    const { sessionId } = await zk.openSession(30_000, {
      transport: 'test',
      remoteAddress: '127.0.0.1',
    });
    await zk.create(anon, '/q', Buffer.from('queue'));
    // One tick's worth of writes: a single batch of many transactions.
    const items = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        zk.create(anon, '/q/item-', Buffer.from([i, 0, 255]), { mode: 'persistent-sequential' }),
      ),
    );
    await zk.create({ sessionId, remoteAddress: '127.0.0.1' }, '/q/owner', ALL_BYTES, {
      mode: 'ephemeral',
    });
    await zk.setData(anon, '/q', Buffer.from('renamed'), 0);
    await zk.delete(anon, items[0]!.path);
    const lastZxid = zk.lastZxid;
    const before = await zk.getData(anon, '/q');

    s = await reopen(s);
    zk = await boot(s);
    expect(zk.lastZxid).toBe(lastZxid);
    await expect(zk.getData(anon, '/q')).resolves.toEqual(before);
    expect((await zk.getChildren(anon, '/q')).children).toHaveLength(200); // 199 items + owner
    expect((await zk.getData(anon, '/q/owner')).stat.ephemeralOwner).toBe(sessionId);
    const next = await zk.create(anon, '/q/item-', Buffer.alloc(0), {
      mode: 'persistent-sequential',
    });
    expect(next.path).toBe('/q/item-0000000201');
    expect(next.stat.czxid).toBe(lastZxid + 1);
    expect((await s.readLog(0, 1_000)).txns.map((t) => t.zxid)).toEqual(
      Array.from({ length: lastZxid + 1 }, (_, i) => i + 1),
    );
  });

  it('closes its DataSource', async () => {
    const s = await store();
    await s.close();
    await expect(loadAll(s)).rejects.toThrow();
  });
});

describe('TypeOrmTxnStore on postgres, with other writers', () => {
  afterAll(() => POSTGRES.cleanup());

  it('waits for the state row lock, then hands prepare what another writer appended', async () => {
    const ds = await (await POSTGRES.fresh())().initialize();
    const store = new TypeOrmTxnStore(ds, { historyTxns: 100 });
    const schema = ds.options.type === 'postgres' ? ds.options.schema : undefined;
    const other = new Client({ connectionString: PG_URL });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`SELECT * FROM "${schema}".zoonest_state WHERE id = 1 FOR UPDATE`);
      const seen: number[][] = [];
      const commit = store.commit(0, (newer) => {
        seen.push(newer.map((t) => t.zxid));
        return creates(2, 1);
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toEqual([]); // blocked on the lock, not preparing from a stale read
      const row = toTxnLogRow(creates(1, 1).txns[0]!);
      await other.query(
        `INSERT INTO "${schema}".txn_log (zxid, time, session_id, payload) VALUES ($1, $2, $3, $4)`,
        [row.zxid, row.time, row.sessionId, row.payload],
      );
      await other.query(`UPDATE "${schema}".zoonest_state SET last_zxid = 1 WHERE id = 1`);
      await other.query('COMMIT');
      await commit;
      expect(seen).toEqual([[1]]);
      expect((await store.readLog(0, 10)).txns.map((t) => t.zxid)).toEqual([1, 2]);
      await expect(put(store, creates(2, 1))).rejects.toThrow(/out of order/);
    } finally {
      await other.end();
      await store.close();
    }
  });
});
