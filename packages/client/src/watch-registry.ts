import type { Stat } from './stat';
import { safely } from './typed-emitter';
import type { WatchedEvent, Watcher } from './watched-event';

/** 'data' is set by getData and exists, 'child' by getChildren. */
export type WatchKind = 'data' | 'child';

interface Registration {
  kind: WatchKind;
  watcher: Watcher;
  /** The node as the read that set the watch saw it: null if absent, undefined until replied. */
  seen: Stat | null | undefined;
}

/** Reads that set a watch on the server again, on the new connection. */
export interface WatchReads {
  exists(path: string): Promise<Stat | null>;
  /** null when the node is gone. */
  childrenStat(path: string): Promise<Stat | null>;
  lastZxid(): number;
}

/**
 * The client's one-shot watches, ZooKeeper's ZKWatchManager: which local callbacks an event
 * fires, and their re-registration after a reconnect. The server keeps no watches of a dropped
 * connection, so each is set again by reading again; a watch whose node moved on meanwhile fires
 * at once instead (ZooKeeper's setWatches rule), so no change goes unnoticed.
 */
export class WatchRegistry {
  private readonly byPath = new Map<string, Set<Registration>>();

  get size(): number {
    let n = 0;
    for (const set of this.byPath.values()) n += set.size;
    return n;
  }

  /** Registered before the read is sent: its event may overtake the reply. */
  add(path: string, kind: WatchKind, watcher: Watcher): Registration {
    const reg: Registration = { kind, watcher, seen: undefined };
    let set = this.byPath.get(path);
    if (!set) this.byPath.set(path, (set = new Set()));
    set.add(reg);
    return reg;
  }

  settle(reg: Registration, stat: Stat | null): void {
    reg.seen = stat;
  }

  /** The read failed, so the server set no watch. */
  cancel(path: string, reg: Registration): void {
    this.drop(path, reg);
  }

  dispatch(event: WatchedEvent): void {
    const set = this.byPath.get(event.path);
    if (!set) return;
    const hit = [...set].filter((reg) => triggers(event.type, reg.kind));
    for (const reg of hit) this.drop(event.path, reg);
    for (const reg of hit) safely(() => reg.watcher(event));
  }

  /** Removes local watches of a kind on a path; how many went. */
  remove(path: string, type: 'data' | 'children' | 'any'): number {
    const set = this.byPath.get(path);
    if (!set) return 0;
    const gone = [...set].filter(
      (reg) => type === 'any' || (type === 'data' ? reg.kind === 'data' : reg.kind === 'child'),
    );
    for (const reg of gone) this.drop(path, reg);
    return gone.length;
  }

  resync(reads: WatchReads): void {
    for (const [path, set] of this.byPath) {
      const settled = [...set].filter((reg) => reg.seen !== undefined);
      if (settled.some((reg) => reg.kind === 'data')) {
        reads.exists(path).then(
          (stat) => this.recheck(path, 'data', stat, reads.lastZxid()),
          () => undefined, // lost again: the next connection re-registers
        );
      }
      if (settled.some((reg) => reg.kind === 'child')) {
        reads.childrenStat(path).then(
          (stat) => this.recheck(path, 'child', stat, reads.lastZxid()),
          () => undefined,
        );
      }
    }
  }

  private recheck(path: string, kind: WatchKind, now: Stat | null, lastZxid: number): void {
    const set = this.byPath.get(path);
    if (!set) return;
    for (const reg of [...set]) {
      if (reg.kind !== kind || reg.seen === undefined) continue;
      const event = missedEvent(path, kind, reg.seen, now, lastZxid);
      if (!event) continue;
      this.drop(path, reg);
      safely(() => reg.watcher(event));
    }
  }

  private drop(path: string, reg: Registration): void {
    const set = this.byPath.get(path);
    if (!set?.delete(reg)) return;
    if (set.size === 0) this.byPath.delete(path);
  }
}

function triggers(type: WatchedEvent['type'], kind: WatchKind): boolean {
  switch (type) {
    case 'NodeCreated':
    case 'NodeDataChanged':
      return kind === 'data';
    case 'NodeChildrenChanged':
      return kind === 'child';
    case 'NodeDeleted':
      return true;
  }
}

/** The event a watch set on `seen` would have had by now, or undefined if none. */
export function missedEvent(
  path: string,
  kind: WatchKind,
  seen: Stat | null,
  now: Stat | null,
  lastZxid: number,
): WatchedEvent | undefined {
  if (seen === null) {
    return now ? { type: 'NodeCreated', path, zxid: now.czxid } : undefined;
  }
  if (!now || now.czxid !== seen.czxid) {
    return { type: 'NodeDeleted', path, zxid: Math.max(lastZxid, now?.czxid ?? 0) };
  }
  if (kind === 'data' && now.mzxid > seen.mzxid) {
    return { type: 'NodeDataChanged', path, zxid: now.mzxid };
  }
  if (kind === 'child' && now.pzxid > seen.pzxid) {
    return { type: 'NodeChildrenChanged', path, zxid: now.pzxid };
  }
  return undefined;
}
