import type { MemberEvent } from './group-consumer-process';

/** One member claiming one partition, from the callback that named it to the one that let it go. */
export interface Interval {
  partition: string;
  id: string;
  start: number;
  end: number;
  /** When its onRevoked began, for a partition handed over while its owner lived. */
  revokingAt?: number;
}

/**
 * The ownership intervals the members' callbacks describe: a claim starts when `onAssigned`
 * first lists the partition and ends when `onRevoked` for it returns, or when its process is
 * killed. Claims still open end at Infinity.
 */
export function ownershipIntervals(events: readonly MemberEvent[]): Interval[] {
  const open = new Map<string, Interval>(); // `${id} ${partition}`
  const done: Interval[] = [];
  const revoking = new Map<string, number>();
  const close = (id: string, partition: string, end: number) => {
    const key = `${id} ${partition}`;
    const interval = open.get(key);
    if (!interval) return;
    open.delete(key);
    done.push({ ...interval, end, revokingAt: revoking.get(key) });
    revoking.delete(key);
  };
  for (const e of [...events].sort((a, b) => a.t - b.t)) {
    const mine = [...open.values()].filter((i) => i.id === e.id);
    if (e.ev === 'assigned') {
      for (const p of e.owned ?? []) {
        if (!open.has(`${e.id} ${p}`))
          open.set(`${e.id} ${p}`, { partition: p, id: e.id, start: e.t, end: Infinity });
      }
      for (const i of mine) if (!e.owned?.includes(i.partition)) close(e.id, i.partition, e.t);
    } else if (e.ev === 'revoking') {
      for (const p of e.revoked ?? []) revoking.set(`${e.id} ${p}`, e.t);
    } else if (e.ev === 'revoked') {
      for (const p of e.revoked ?? []) close(e.id, p, e.t);
    } else if (e.ev === 'killed') {
      for (const i of mine) close(e.id, i.partition, e.t);
    }
  }
  return [...done, ...open.values()];
}

/** Pairs of intervals of one partition that overlap in time. */
export function overlaps(intervals: readonly Interval[]): Array<[Interval, Interval]> {
  const out: Array<[Interval, Interval]> = [];
  const byPartition = new Map<string, Interval[]>();
  for (const i of intervals)
    byPartition.set(i.partition, [...(byPartition.get(i.partition) ?? []), i]);
  for (const list of byPartition.values()) {
    let latest: Interval | undefined; // the one ending last among those started so far
    for (const next of [...list].sort((a, b) => a.start - b.start)) {
      if (latest && next.start < latest.end) out.push([latest, next]);
      if (!latest || next.end > latest.end) latest = next;
    }
  }
  return out;
}

/** Who claims each partition now, from the intervals still open. */
export function currentOwners(intervals: readonly Interval[]): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const i of intervals) {
    if (i.end === Infinity) owners.set(i.partition, [...(owners.get(i.partition) ?? []), i.id]);
  }
  return owners;
}
