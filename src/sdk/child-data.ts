import type { Stat } from './stat';

/** A cached node, as Curator's ChildData: its path, data and Stat. */
export interface ChildData {
  path: string;
  data: Uint8Array;
  stat: Stat;
}

/** True when `b` is a newer state of the node than `a` (recreated, or changed since). */
export function isNewer(a: ChildData, b: ChildData): boolean {
  return a.stat.czxid !== b.stat.czxid || b.stat.mzxid > a.stat.mzxid;
}
