import { nzk, watchOnce, type ZkTestClient } from '../test/support/zookeeper-client';
import { drive } from './drive';
import { summarize, type Result } from './percentiles';

export interface ZooKeeperWorkloadShape {
  inFlight: number;
  /** Multis per client, each of `multiOps` setData ops. */
  multisPerClient: number;
  multiOps: number;
  /** Lock acquisitions over all contenders. */
  lockAcquisitions: number;
  lockContenders: number;
  /** Sessions closed, each holding `ephemeralsPerSession` ephemerals. */
  cleanupSamples: number;
  ephemeralsPerSession: number;
}

const PAYLOAD = Buffer.alloc(100, 'x');

/** Runs `op` for indexes 0..count-1 with `inFlight` of them outstanding at a time. */
async function pipelined(
  count: number,
  inFlight: number,
  op: (i: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) await op(next++);
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
}

/** multi of `ops` setData ops on nodes the client made, pipelined per client. */
async function multiWorkload(
  clients: ZkTestClient[],
  run: string,
  o: ZooKeeperWorkloadShape,
): Promise<Result> {
  await Promise.all(
    clients.map(async (c, ci) => {
      await c.create(`${run}/m${ci}`);
      await pipelined(o.multiOps, o.multiOps, (k) => c.create(`${run}/m${ci}/x${k}`, PAYLOAD));
    }),
  );
  const timed = await drive(clients, o.inFlight, o.multisPerClient, (c, ci) =>
    c.multi((tx) => {
      for (let k = 0; k < o.multiOps; k++) tx.setData(`${run}/m${ci}/x${k}`, PAYLOAD);
      return tx;
    }),
  );
  return summarize(`multi (${o.multiOps} setData)`, timed.latencies, timed.seconds);
}

/** The herd-free lock: an ephemeral-sequential node, then wait for the one just ahead to go. */
async function acquireAndRelease(zk: ZkTestClient, dir: string): Promise<void> {
  const mine = await zk.create(`${dir}/lock-`, null, { mode: nzk.CreateMode.EPHEMERAL_SEQUENTIAL });
  const name = mine.slice(dir.length + 1);
  for (;;) {
    const { children } = await zk.getChildren(dir);
    const ahead = children.filter((c) => c < name).sort();
    const predecessor = ahead[ahead.length - 1];
    if (predecessor === undefined) break;
    const { watcher, event } = watchOnce();
    if (await zk.exists(`${dir}/${predecessor}`, watcher)) await event;
  }
  await zk.remove(mine);
}

async function lockWorkload(
  clients: ZkTestClient[],
  run: string,
  o: ZooKeeperWorkloadShape,
): Promise<Result> {
  const dir = `${run}/lock`;
  await (clients[0] as ZkTestClient).create(dir);
  const contenders = clients.slice(0, o.lockContenders);
  const perContender = Math.ceil(o.lockAcquisitions / contenders.length);
  const timed = await drive(contenders, 1, perContender, (c) => acquireAndRelease(c, dir));
  return summarize(
    `lock acquisitions (${contenders.length} contenders)`,
    timed.latencies,
    timed.seconds,
  );
}

/**
 * A session holding many ephemerals closes; another client times from the close being sent
 * until it sees the parent empty. `seconds` is the sum of the samples, as for watch notify.
 */
async function cleanupWorkload(
  observer: ZkTestClient,
  connect: () => Promise<ZkTestClient>,
  run: string,
  o: ZooKeeperWorkloadShape,
): Promise<Result> {
  const latencies: number[] = [];
  for (let s = 0; s < o.cleanupSamples; s++) {
    const dir = `${run}/e${s}`;
    await observer.create(dir);
    const owner = await connect();
    await pipelined(o.ephemeralsPerSession, 64, (i) =>
      owner.create(`${dir}/n${i}`, PAYLOAD, { mode: nzk.CreateMode.EPHEMERAL }),
    );
    let { watcher, event } = watchOnce();
    await observer.getChildren(dir, watcher);
    const t = performance.now();
    const closed = owner.close();
    for (;;) {
      await event;
      ({ watcher, event } = watchOnce());
      if ((await observer.getChildren(dir, watcher)).children.length === 0) break;
    }
    latencies.push(performance.now() - t);
    await closed;
  }
  const seconds = latencies.reduce((a, b) => a + b, 0) / 1000;
  return summarize(`ephemeral cleanup (${o.ephemeralsPerSession} nodes)`, latencies, seconds);
}

/** The ZooKeeper-protocol workloads beyond the basic ones: multi, lock, session cleanup. */
export async function runZooKeeperWorkloads(
  clients: ZkTestClient[],
  connect: () => Promise<ZkTestClient>,
  o: ZooKeeperWorkloadShape,
): Promise<Result[]> {
  const run = `/bench-zk-${Date.now()}`;
  const first = clients[0] as ZkTestClient;
  await first.create(run);
  return [
    await multiWorkload(clients, run, o),
    await lockWorkload(clients, run, o),
    await cleanupWorkload(first, connect, run, o),
  ];
}
