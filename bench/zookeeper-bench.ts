import { connectZk, type ZkTestClient } from '../test/support/zookeeper-client';
import type { Result } from './percentiles';
import { runWorkloads, type BenchClient, type WorkloadShape } from './workloads';

export interface ZooKeeperBenchOptions extends WorkloadShape {
  /** host:port of a server speaking the ZooKeeper protocol (Zoonest or ZooKeeper itself). */
  connectString: string;
  clients: number;
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

/** The basic workloads over the ZooKeeper protocol, driven by node-zookeeper-client. */
export async function zookeeperBench(o: ZooKeeperBenchOptions): Promise<Result[]> {
  const clients = await Promise.all(
    Array.from({ length: o.clients }, () => connectZk(o.connectString, { sessionTimeout: 30_000 })),
  );
  try {
    return await runWorkloads(clients.map(benchClient), o);
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
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
