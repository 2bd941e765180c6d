/** Latencies of every operation of a run, and how long the run took. */
export interface Timed {
  latencies: number[];
  seconds: number;
}

/** Each client keeps `inFlight` requests outstanding until it has done `perClient`. */
export async function drive<C>(
  clients: readonly C[],
  inFlight: number,
  perClient: number,
  op: (client: C, c: number, i: number) => Promise<unknown>,
): Promise<Timed> {
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
