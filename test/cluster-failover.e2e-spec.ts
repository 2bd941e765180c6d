import { InterProcessMutex, LeaderLatch, ZoonestClient } from '@zoonest/client';
import { startCluster, type Cluster, type Replica } from './support/cluster';
import { removeTempDirs } from './support/temp-dir';
import { until } from './support/until';
import {
  closeZkClients,
  connectZk,
  long,
  nzk,
  type ZkTestClient,
} from './support/zookeeper-client';

const SESSION_TIMEOUT_MS = 4_000;

/** The replica a node-zookeeper-client connection talks to, by the port it is connected to. */
function replicaOf(cluster: Cluster, zk: ZkTestClient): Replica | undefined {
  const socket = (zk.raw.connectionManager as { socket?: { remotePort?: number } }).socket;
  return cluster.replicas.find((r) => r.zkPort === socket?.remotePort);
}

/** kill -9 of one replica while clients on all three write: they notice only a reconnect. */
describe('a cluster losing a replica', () => {
  let cluster: Cluster;
  const sdks: ZoonestClient[] = [];

  beforeAll(async () => {
    cluster = await startCluster(3);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(sdks.map((c) => c.close().catch(() => undefined)));
    await closeZkClients();
    await cluster?.stop();
    await removeTempDirs();
  }, 30_000);

  const sdk = async (servers: string[]) => {
    const c = await ZoonestClient.connect({
      servers,
      sessionTimeoutMs: SESSION_TIMEOUT_MS,
      retry: { initialDelayMs: 50, maxDelayMs: 200 },
    });
    sdks.push(c);
    return c;
  };

  it('keeps every acknowledged write, every session, its ephemerals, locks and leaders', async () => {
    const zks = await Promise.all(
      Array.from({ length: 9 }, () =>
        connectZk(cluster.connectString, { sessionTimeout: SESSION_TIMEOUT_MS }),
      ),
    );
    const byReplica = new Map<Replica, ZkTestClient[]>();
    for (const zk of zks) {
      const r = replicaOf(cluster, zk);
      if (r) byReplica.set(r, [...(byReplica.get(r) ?? []), zk]);
    }
    // The victim is the replica holding the most ZooKeeper clients; the others survive.
    const [victim, victimZks] = [...byReplica.entries()].sort(
      (a, b) => b[1].length - a[1].length,
    )[0]!;
    const survivors = cluster.replicas.filter((r) => r !== victim);
    await zks[0]!.create('/acked');
    await zks[0]!.create('/eph');
    const sessions = new Map<ZkTestClient, bigint>();
    for (const [i, zk] of zks.entries()) {
      await zk.create(`/eph/c${i}`, null, { mode: nzk.CreateMode.EPHEMERAL });
      sessions.set(zk, zk.sessionId);
    }

    // An SDK client that starts on the victim holds a mutex and leads an election.
    const holder = await sdk([victim.url, ...survivors.map((r) => r.url)]);
    expect(holder.serverUrl).toBe(victim.url);
    const holderSession = holder.sessionId;
    const mutex = new InterProcessMutex(holder, '/zoonest/locks/failover');
    expect(await mutex.acquire({ timeoutMs: 5_000 })).toBe(true);
    const lockPath = mutex.lockPath!;
    // A latch whose client can reach only the victim: its session really expires.
    const pinned = await sdk([victim.url]);
    const pinnedLatch = new LeaderLatch(pinned, '/zoonest/elections/failover', 'pinned');
    await pinnedLatch.start();
    await until(() => pinnedLatch.hasLeadership(), 5_000, 'the pinned latch to lead');
    const rival = await sdk([survivors[0]!.url]);
    const rivalLatch = new LeaderLatch(rival, '/zoonest/elections/failover', 'rival');
    await rivalLatch.start();
    expect(rivalLatch.hasLeadership()).toBe(false);

    // Writers on every replica, acknowledged paths recorded, through the kill.
    const acked: string[] = [];
    let writing = true;
    const writers = zks.map(async (zk) => {
      while (writing) {
        try {
          acked.push(
            await zk.create('/acked/w-', null, { mode: nzk.CreateMode.PERSISTENT_SEQUENTIAL }),
          );
        } catch {
          await new Promise((r) => setTimeout(r, 20)); // ConnectionLoss while it moves
        }
      }
    });
    await until(() => acked.length >= 50, 10_000, 'writes before the kill');
    const killedAt = Date.now();
    await victim.kill('SIGKILL');
    const ackedAtKill = acked.length;
    await until(() => acked.length >= ackedAtKill + 100, 20_000, 'writes after the kill');

    // The rival leads once the pinned client's session expired: its timeout plus one second.
    await until(() => rivalLatch.hasLeadership(), SESSION_TIMEOUT_MS + 3_000, 'a new leader');
    expect(Date.now() - killedAt).toBeLessThanOrEqual(SESSION_TIMEOUT_MS + 1_000 + 500);
    writing = false;
    await Promise.all(writers);

    const reader = await connectZk(survivors[1]!.zkAddress);
    const { children } = await reader.getChildren('/acked');
    const present = new Set(children.map((c) => `/acked/${c}`));
    expect(acked.filter((p) => !present.has(p))).toEqual([]);
    // The victim's ZooKeeper clients moved with their sessions and ephemerals.
    for (const zk of victimZks) {
      await until(() => survivors.some((r) => r === replicaOf(cluster, zk)), 5_000, 'moved');
      expect(zk.sessionId).toBe(sessions.get(zk));
    }
    const eph = await reader.getChildren('/eph');
    expect(eph.children.sort()).toEqual(zks.map((_, i) => `c${i}`).sort());
    for (const [i, zk] of zks.entries()) {
      const { stat } = await reader.getData(`/eph/c${i}`);
      expect(long(stat.ephemeralOwner)).toBe(zk.sessionId);
    }
    // The SDK holder moved too, with its session: the lock is still its own, never two owners.
    await until(() => survivors.some((r) => r.url === holder.serverUrl), 10_000, 'holder moved');
    expect(holder.sessionId).toBe(holderSession);
    const lockNode = await reader.getData(lockPath);
    expect(long(lockNode.stat.ephemeralOwner)).toBe(BigInt(holderSession ?? 0));
    const contender = new InterProcessMutex(rival, '/zoonest/locks/failover');
    expect(await contender.acquire({ timeoutMs: 500 })).toBe(false);
    await mutex.release();
    expect(await contender.acquire({ timeoutMs: 5_000 })).toBe(true);
    await contender.release();
  }, 90_000);
});
