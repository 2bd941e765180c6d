export const PICK_STRATEGIES = [
  'round-robin',
  'random',
  'weighted',
  'least-outstanding',
  'consistent-hash',
] as const;
export type PickStrategy = (typeof PICK_STRATEGIES)[number];

export interface Pickable {
  id: string;
  weight: number;
}

/**
 * nginx's smooth weighted round-robin: each pick adds every weight to its instance's running
 * total, takes the largest and subtracts the sum, so picks interleave in proportion to weight.
 */
export function smoothWeighted<T extends Pickable>(
  instances: readonly T[],
  current: Map<string, number>,
): T | undefined {
  let total = 0;
  let best: T | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const i of instances) {
    const w = Math.max(0, i.weight);
    total += w;
    const score = (current.get(i.id) ?? 0) + w;
    current.set(i.id, score);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  if (best) current.set(best.id, bestScore - total);
  for (const id of [...current.keys()]) if (!instances.some((i) => i.id === id)) current.delete(id);
  return best;
}

/** The instance with the fewest calls in flight; ties go round-robin. */
export function leastOutstanding<T extends Pickable>(
  instances: readonly T[],
  outstanding: (id: string) => number,
  turn: number,
): T | undefined {
  const min = Math.min(...instances.map((i) => outstanding(i.id)));
  const idle = instances.filter((i) => outstanding(i.id) === min);
  return idle[turn % idle.length];
}
