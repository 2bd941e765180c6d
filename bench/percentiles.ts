/** Latency summary of one workload. */
export interface Result {
  workload: string;
  ops: number;
  seconds: number;
  p50: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length));
  return sorted[i] ?? 0;
}

export function summarize(workload: string, latencies: number[], seconds: number): Result {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    workload,
    ops: latencies.length,
    seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

export function printTable(title: string, results: Result[]): void {
  const rows = results.map((r) => ({
    workload: r.workload,
    'ops/s': r.seconds > 0 ? Math.round(r.ops / r.seconds) : 0,
    'p50 ms': r.p50.toFixed(2),
    'p99 ms': r.p99.toFixed(2),
    ops: r.ops,
  }));
  process.stdout.write(`\n${title}\n`);
  console.table(rows);
}
