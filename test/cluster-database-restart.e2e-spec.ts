import { startCluster, type Cluster } from './support/cluster';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres';
import { removeTempDirs } from './support/temp-dir';
import { until } from './support/until';
import { closeZkClients, connectZk, nzk, type ZkTestClient } from './support/zookeeper-client';

/** PostgreSQL crashes and comes back under load: nothing acknowledged is lost, nobody restarts. */
describe('a cluster whose database restarts', () => {
  let pg: PrivatePostgres;
  let cluster: Cluster;

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    cluster = await startCluster(2, {}, pg.url);
  }, 90_000);

  afterAll(async () => {
    await closeZkClients();
    await cluster?.stop().catch(() => undefined);
    await pg?.stop();
    await removeTempDirs();
  }, 30_000);

  it('loses no acknowledged write and serves again on every replica by itself', async () => {
    const zks = await Promise.all(cluster.replicas.map((r) => connectZk(r.zkAddress)));
    await zks[0]!.create('/load');
    const acked = new Map<ZkTestClient, string[]>(zks.map((zk) => [zk, []]));
    const failures: string[] = [];
    let writing = true;
    const writers = zks.map(async (zk) => {
      while (writing) {
        try {
          const path = await zk.create('/load/w-', null, {
            mode: nzk.CreateMode.PERSISTENT_SEQUENTIAL,
          });
          acked.get(zk)!.push(path);
        } catch (err) {
          failures.push(String(err));
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    });
    const total = () => [...acked.values()].reduce((n, a) => n + a.length, 0);
    await until(() => total() >= 60, 15_000, 'writes before the restart');
    await pg.restart('immediate');
    const after = zks.map((zk) => acked.get(zk)!.length);
    // Each replica commits again, without being restarted.
    await until(
      () => zks.every((zk, i) => acked.get(zk)!.length >= after[i]! + 20),
      30_000,
      'writes through every replica after the restart',
    );
    writing = false;
    await Promise.all(writers);
    expect(failures.length).toBeGreaterThan(0); // the outage was seen, as ConnectionLoss

    for (const r of cluster.replicas) {
      await until(async () => (await fetch(`${r.url}/readyz`)).status === 200, 15_000, 'ready');
    }
    const reader = await connectZk(cluster.replicas[1]!.zkAddress);
    await reader.create('/load-done');
    const { children } = await reader.getChildren('/load');
    const present = new Set(children.map((c) => `/load/${c}`));
    const all = [...acked.values()].flat();
    expect(all.filter((p) => !present.has(p))).toEqual([]);
  }, 90_000);
});
