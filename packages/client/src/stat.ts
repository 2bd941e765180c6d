import type { StatJson } from '@zoonest/protocol/wire/stat-json';

/**
 * A znode's Stat as ZooKeeper defines it. zxids and times are numbers; `ephemeralOwner` is the
 * owning session id as a decimal string ("0" for a node no session owns).
 */
export type Stat = StatJson;

/** The newest zxid a Stat mentions. */
export function newestZxidOf(stat: Stat): number {
  return Math.max(stat.czxid, stat.mzxid, stat.pzxid);
}
