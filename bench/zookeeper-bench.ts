import { connectZk, type ZkTestClient } from '../test/support/zookeeper-client';
import type { Result } from './percentiles';
import { runWorkloads, type BenchClient, type WorkloadShape } from './workloads';
import { runZooKeeperWorkloads, type ZooKeeperWorkloadShape } from './zookeeper-workloads';

export interface ZooKeeperBenchOptions extends WorkloadShape {
  /** host:port of a server speaking the ZooKeeper protocol (Zoonest or ZooKeeper itself). */
  connectString: string;
  clients: number;
  /** Also multi, lock and session cleanup; without it only the basic workloads run. */
  extra?: Omit<ZooKeeperWorkloadShape, 'inFlight'>;
}

function benchClient(zk: ZkTestClient): BenchClient {
  return {
    create: (path, data) => zk.create(path, data === undefined ? undefined : Buffer.from(data)),
    setData: (path, data) => zk.setData(path, data),
    getData: (path) => zk.getData(path),
    watchData: async (path) => {
      let fired: () => void = () => undefined;
      const event = new Promise<void>((resolve) => (fired = resolve));
      await zk.getData(path, () => fired());
      return { fired: event };
    },
  };
}

/** The workloads over the ZooKeeper protocol, driven by node-zookeeper-client. */
export async function zookeeperBench(o: ZooKeeperBenchOptions): Promise<Result[]> {
  const connect = () => connectZk(o.connectString, { sessionTimeout: 30_000 });
  const clients = await Promise.all(Array.from({ length: o.clients }, connect));
  try {
    const results = await runWorkloads(clients.map(benchClient), o);
    if (o.extra) {
      results.push(
        ...(await runZooKeeperWorkloads(clients, connect, { inFlight: o.inFlight, ...o.extra })),
      );
    }
    return results;
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
}

const opsPerSecond = (r: Result) => (r.seconds > 0 ? r.ops / r.seconds : 0);

/**
 * Two runs side by side (Zoonest and ZooKeeper unless `names` says otherwise); the ratio is the
 * first's ops/s over the second's (for the latency workloads, the second's mean latency over the
 * first's: above 1 is the first ahead).
 */
export function printComparison(
  title: string,
  first: Result[],
  second: Result[],
  names: [string, string] = ['Zoonest', 'ZooKeeper'],
): void {
  const [a, b] = names;
  const rows = first.map((z) => {
    const k = second.find((r) => r.workload === z.workload);
    return {
      workload: z.workload,
      [`${a} ops/s`]: Math.round(opsPerSecond(z)),
      [`${b} ops/s`]: k ? Math.round(opsPerSecond(k)) : '-',
      [`${a} p50/p99 ms`]: `${z.p50.toFixed(2)} / ${z.p99.toFixed(2)}`,
      [`${b} p50/p99 ms`]: k ? `${k.p50.toFixed(2)} / ${k.p99.toFixed(2)}` : '-',
      [`ratio ${a}/${b}`]: k ? (opsPerSecond(z) / opsPerSecond(k)).toFixed(2) : '-',
    };
  });
  process.stdout.write(`\n${title}\n`);
  console.table(rows);
}
