import { newestZxidOf, type Stat } from './stat';

/**
 * The newest zxid this client has seen, from replies and events. A reconnecting client hands
 * it to the server, which answers only once it has applied that much (so a client never sees
 * time go backwards when it moves to another replica).
 */
export class ZxidTracker {
  private newest = 0;

  get last(): number {
    return this.newest;
  }

  see(zxid: number | undefined): void {
    if (typeof zxid === 'number' && zxid > this.newest) this.newest = zxid;
  }

  seeStat(stat: Stat | null | undefined): void {
    if (stat) this.see(newestZxidOf(stat));
  }

  /** Looks through a reply for zxids (`zxid`, `stat`, each result's `stat`); the newest. */
  seeReply(reply: unknown): number | undefined {
    if (typeof reply !== 'object' || reply === null) return undefined;
    const r = reply as { zxid?: unknown; stat?: unknown; results?: unknown };
    const found: number[] = [];
    if (typeof r.zxid === 'number') found.push(r.zxid);
    if (isStat(r.stat)) found.push(newestZxidOf(r.stat));
    if (Array.isArray(r.results)) {
      for (const item of r.results as Array<{ stat?: unknown } | null>) {
        if (isStat(item?.stat)) found.push(newestZxidOf(item.stat));
      }
    }
    if (found.length === 0) return undefined;
    const newest = Math.max(...found);
    this.see(newest);
    return newest;
  }
}

function isStat(value: unknown): value is Stat {
  return typeof value === 'object' && value !== null && typeof (value as Stat).mzxid === 'number';
}
