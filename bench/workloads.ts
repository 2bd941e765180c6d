import { drive } from './drive';
import { summarize, type Result } from './percentiles';

/** What the basic workloads need of a client, whatever protocol it speaks. */
export interface BenchClient {
  create(path: string, data?: string): Promise<unknown>;
  setData(path: string, data: string): Promise<unknown>;
  getData(path: string): Promise<unknown>;
  /** Reads `path` with a one-shot data watch; `fired` settles when the watch fires. */
  watchData(path: string): Promise<{ fired: Promise<void> }>;
}

export interface WorkloadShape {
  inFlight: number;
  perClient: number;
  watchSamples: number;
}

/** create, setData and getData of small nodes, pipelined per client, then watch latency. */
export async function runWorkloads(clients: BenchClient[], o: WorkloadShape): Promise<Result[]> {
  const run = `/bench-${Date.now()}`;
  const [setter, watcher] = clients as [BenchClient, BenchClient];
  await setter.create(run);
  await Promise.all(clients.map((c, i) => c.create(`${run}/c${i}`)));
  const payload = 'x'.repeat(100);
  const results: Result[] = [];

  const create = await drive(clients, o.inFlight, o.perClient, (c, ci, i) =>
    c.create(`${run}/c${ci}/n${i}`, payload),
  );
  results.push(summarize('create', create.latencies, create.seconds));
  const set = await drive(clients, o.inFlight, o.perClient, (c, ci, i) =>
    c.setData(`${run}/c${ci}/n${i}`, `${payload}!`),
  );
  results.push(summarize('setData', set.latencies, set.seconds));
  const get = await drive(clients, o.inFlight, o.perClient, (c, ci, i) =>
    c.getData(`${run}/c${ci}/n${i}`),
  );
  results.push(summarize('getData', get.latencies, get.seconds));

  // One client sets, another is told: time from the set being sent to the watch event arriving.
  const watched = `${run}/watched`;
  await setter.create(watched);
  const watchLatencies: number[] = [];
  for (let i = 0; i < o.watchSamples; i++) {
    const { fired } = await watcher.watchData(watched);
    const t = performance.now();
    await Promise.all([setter.setData(watched, String(i)), fired]);
    watchLatencies.push(performance.now() - t);
  }
  const watchSeconds = watchLatencies.reduce((a, b) => a + b, 0) / 1000;
  results.push(summarize('watch notify', watchLatencies, watchSeconds));
  return results;
}
