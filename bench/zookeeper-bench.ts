import { connectZk, type ZkTestClient } from '../test/support/zookeeper-client';
import { summarize, type Result } from './percentiles';

export interface ZooKeeperBenchOptions {
  /** host:port of a server speaking the ZooKeeper protocol (Zoonest or ZooKeeper itself). */
  connectString: string;
  clients: number;
  inFlight: number;
  perClient: number;
  watchSamples: number;
}

/** Each client keeps `inFlight` requests outstanding until it has done `perClient`. */
async function drive(
  clients: ZkTestClient[],
  inFlight: number,
  perClient: number,
  op: (client: ZkTestClient, c: number, i: number) => Promise<unknown>,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    clients.map(async (client, c) => {
      let next = 0;
      const lane = async () => {
        while (next < perClient) {
          const i = next++;
          const t = performance.now();
          await op(client, c, i);
          latencies.push(performance.now() - t);
        }
      };
      await Promise.all(Array.from({ length: inFlight }, lane));
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/** The Socket.IO bench's workloads, over the ZooKeeper protocol with node-zookeeper-client. */
export async function zookeeperBench(o: ZooKeeperBenchOptions): Promise<Result[]> {
  const clients = await Promise.all(
    Array.from({ length: o.clients }, () => connectZk(o.connectString, { sessionTimeout: 30_000 })),
  );
  const run = `/bench-${Date.now()}`;
  const first = clients[0]!;
  await first.create(run);
  await Promise.all(clients.map((c, i) => c.create(`${run}/c${i}`)));
  const payload = Buffer.from('x'.repeat(100));
  const changed = Buffer.from(`${payload.toString()}!`);
  const results: Result[] = [];

  const create = await drive(clients, o.inFlight, o.perClient, (c, ci, i) =>
    c.create(`${run}/c${ci}/n${i}`, payload),
  );
  results.push(summarize('create', create.latencies, create.seconds));
  const set = await drive(clients, o.inFlight, o.perClient, (c, ci, i) =>
    c.setData(`${run}/c${ci}/n${i}`, changed),
  );
  results.push(summarize('setData', set.latencies, set.seconds));
  const get = await drive(clients, o.inFlight, o.perClient, (c, ci, i) =>
    c.getData(`${run}/c${ci}/n${i}`),
  );
  results.push(summarize('getData', get.latencies, get.seconds));

  // One client sets, another is told: time from the set being sent to the watch event arriving.
  const [setter, watcher] = clients as [ZkTestClient, ZkTestClient];
  const watched = `${run}/watched`;
  await setter.create(watched);
  const watchLatencies: number[] = [];
  for (let i = 0; i < o.watchSamples; i++) {
    let told: () => void = () => undefined;
    const event = new Promise<void>((resolve) => (told = resolve));
    await watcher.getData(watched, () => told());
    const t = performance.now();
    await Promise.all([setter.setData(watched, String(i)), event]);
    watchLatencies.push(performance.now() - t);
  }
  const watchSeconds = watchLatencies.reduce((a, b) => a + b, 0) / 1000;
  results.push(summarize('watch notify', watchLatencies, watchSeconds));

  // Leave the server as found, so a second run starts from the same tree.
  await Promise.all(clients.map((c) => c.close()));
  return results;
}

const opsPerSecond = (r: Result) => (r.seconds > 0 ? r.ops / r.seconds : 0);

/** Zoonest and ZooKeeper side by side; the ratio is Zoonest's ops/s over ZooKeeper's. */
export function printComparison(title: string, zoonest: Result[], zookeeper: Result[]): void {
  const rows = zoonest.map((z) => {
    const k = zookeeper.find((r) => r.workload === z.workload);
    return {
      workload: z.workload,
      'Zoonest ops/s': Math.round(opsPerSecond(z)),
      'ZooKeeper ops/s': k ? Math.round(opsPerSecond(k)) : '-',
      'Zoonest p50/p99 ms': `${z.p50.toFixed(2)} / ${z.p99.toFixed(2)}`,
      'ZooKeeper p50/p99 ms': k ? `${k.p50.toFixed(2)} / ${k.p99.toFixed(2)}` : '-',
      'ratio Zoonest/ZooKeeper': k ? (opsPerSecond(z) / opsPerSecond(k)).toFixed(2) : '-',
    };
  });
  process.stdout.write(`\n${title}\n`);
  console.table(rows);
}
