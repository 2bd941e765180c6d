import { type ChangeEvent, ZoonestClient } from '@zoonest/client';
import { startCluster, type Cluster } from './support/cluster';
import { removeTempDirs } from './support/temp-dir';
import { until } from './support/until';
import { closeZkClients, connectZk, nzk, watchOnce, zkErrorOf } from './support/zookeeper-client';
import { ask, bool, fourLetterWord, request, session, ustring } from './support/zookeeper-wire';

const OP_EXISTS = 3;

const json = { 'content-type': 'application/json' };

/** Three replicas in their own processes on one PostgreSQL schema, used as one service. */
describe('a cluster of three replicas', () => {
  let cluster: Cluster;
  const clients: ZoonestClient[] = [];

  beforeAll(async () => {
    cluster = await startCluster(3);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await closeZkClients();
    await cluster?.stop();
    await removeTempDirs();
  }, 30_000);

  const replica = (i: number) => cluster.replicas[i]!;

  it('reads on every replica what was written on any one', async () => {
    const made = await fetch(`${replica(0).url}/api/v1/znodes/shared`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ data: 'from r0' }),
    });
    expect(made.status).toBe(201);
    const zxid = made.headers.get('x-zoonest-zxid');
    expect(Number(zxid)).toBeGreaterThan(0);
    for (const r of cluster.replicas.slice(1)) {
      // Carrying the zxid seen, a client is answered only with that state or a newer one.
      const res = await fetch(`${r.url}/api/v1/znodes/shared`, {
        headers: { 'x-zoonest-zxid': zxid ?? '' },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: string }).data).toBe('from r0');
    }
    const ahead = await fetch(`${replica(1).url}/api/v1/znodes/shared`, {
      headers: { 'x-zoonest-zxid': String(Number(zxid) + 1_000_000) },
    });
    expect(ahead.status).toBe(503);
    expect(((await ahead.json()) as { error: { name: string } }).error.name).toBe('ConnectionLoss');
  });

  it('fires a watch set through one replica for a change made through another, once', async () => {
    const writer = await connectZk(replica(0).zkAddress);
    const watcher = await connectZk(replica(1).zkAddress);
    await writer.create('/watched', 'v0');
    await until(async () => (await zkErrorOf(watcher.getData('/watched'))) === 'OK', 5_000);
    const { watcher: onChange, event } = watchOnce();
    await watcher.getData('/watched', onChange);
    await writer.setData('/watched', 'v1');
    expect((await event).getType()).toBe(nzk.Event.NODE_DATA_CHANGED);
    const { data } = await watcher.getData('/watched');
    expect(data?.toString()).toBe('v1');
  });

  it('streams subscribe events of changes made through other replicas in zxid order, each once', async () => {
    const sdk = await ZoonestClient.connect({ servers: [replica(2).url] });
    clients.push(sdk);
    await sdk.create('/stream', 'start');
    const seen: ChangeEvent[] = [];
    await sdk.subscribe('/stream', { change: (e) => seen.push(e) }, { recursive: true });
    const writers = [await connectZk(replica(0).zkAddress), await connectZk(replica(1).zkAddress)];
    for (let i = 0; i < 20; i++) await writers[i % 2]!.create(`/stream/e${i}`, String(i));
    await until(() => seen.length >= 20, 10_000, '20 events');
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.map((e) => e.path)).toEqual(Array.from({ length: 20 }, (_, i) => `/stream/e${i}`));
    const zxids = seen.map((e) => e.zxid);
    expect([...zxids].sort((a, b) => a - b)).toEqual(zxids);
    expect(new Set(zxids).size).toBe(20);
  });

  it('numbers sequential nodes created from all three at once uniquely and without gaps', async () => {
    const zks = await Promise.all(cluster.replicas.map((r) => connectZk(r.zkAddress)));
    await zks[0]!.create('/seq');
    const paths = await Promise.all(
      zks.flatMap((zk) =>
        Array.from({ length: 30 }, () =>
          zk.create('/seq/item-', null, { mode: nzk.CreateMode.PERSISTENT_SEQUENTIAL }),
        ),
      ),
    );
    const numbers = paths.map((p) => Number(p.slice(-10))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 90 }, (_, i) => i));
  });

  it('lets exactly one of a version-conditional update raced from all three through', async () => {
    await fetch(`${replica(0).url}/api/v1/znodes/race`, {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    const tries = await Promise.all(
      cluster.replicas.flatMap((r) =>
        [1, 2].map((n) =>
          fetch(`${r.url}/api/v1/znodes/race`, {
            method: 'PUT',
            headers: json,
            body: JSON.stringify({ data: `${r.name}-${n}`, version: 0 }),
          }).then((res) => res.status),
        ),
      ),
    );
    expect(tries.filter((s) => s === 200)).toHaveLength(1);
    expect(tries.filter((s) => s === 409)).toHaveLength(5);
  });

  it('answers sync on a replica only after everything committed before it is applied', async () => {
    const writer = await connectZk(replica(0).zkAddress);
    const reader = await ZoonestClient.connect({ servers: [replica(2).url] });
    clients.push(reader);
    for (let i = 0; i < 5; i++) {
      await writer.create(`/synced${i}`, `fresh${i}`);
      await reader.sync(`/synced${i}`);
      expect((await reader.getData(`/synced${i}`)).data.toString()).toBe(`fresh${i}`);
    }
  });

  it('answers an old connection of a session that moved to another replica SessionMoved', async () => {
    const old = await session(replica(0).zkPort, { timeoutMs: 10_000 });
    const { sessionId, password } = old.res;
    const moved = await session(replica(1).zkPort, {
      timeoutMs: 10_000,
      sessionId,
      password,
    });
    expect(moved.res.sessionId).toBe(sessionId);
    // r0 learns it at its next liveness renewal, then refuses the old connection's next request.
    await new Promise((r) => setTimeout(r, 600));
    const refused = await ask(old.conn, request(7, OP_EXISTS, ustring('/'), bool(false)));
    expect([refused.xid, refused.err]).toEqual([7, -118]);
    expect(await old.conn.closesWithin(2_000)).toBe(true);
    const answered = await ask(moved.conn, request(8, OP_EXISTS, ustring('/'), bool(false)));
    expect([answered.xid, answered.err]).toEqual([8, 0]);
  });

  it('has exactly one leader among followers, every replica ready', async () => {
    const modes = async () =>
      Promise.all(
        cluster.replicas.map(
          async (r) => /Mode: (\w+)/.exec(await fourLetterWord(r.zkPort, 'srvr'))?.[1],
        ),
      );
    await until(async () => (await modes()).filter((m) => m === 'leader').length === 1, 10_000);
    expect((await modes()).sort()).toEqual(['follower', 'follower', 'leader']);
    for (const r of cluster.replicas) {
      const ready = await fetch(`${r.url}/readyz`);
      expect(ready.status).toBe(200);
    }
  });

  it('lists every replica in /zookeeper/config, server ids by name, on every replica', async () => {
    const expected =
      cluster.replicas
        .map((r, i) => `server.${i + 1}=127.0.0.1:2888:3888:participant;${r.zkAddress}\n`)
        .join('') + 'version=0';
    for (const r of cluster.replicas) {
      const zk = await connectZk(r.zkAddress);
      const config = async () => (await zk.getData('/zookeeper/config')).data?.toString();
      await until(async () => (await config()) === expected, 10_000, `${r.name}'s config`);
    }
  });
});
