import { parentOf } from './path';
import type { AddWatchMode, EventTypeName, WatchEvent, Watcher } from './watch-event';

/** Which registrations removeWatches/checkWatches look at, as ZooKeeper's WatcherType. */
export type WatchRemoval = 'children' | 'data' | 'any' | 'persistent' | 'persistent-recursive';

type Registry = Map<string, Set<Watcher>>;

function add(registry: Registry, path: string, watcher: Watcher): void {
  let set = registry.get(path);
  if (!set) registry.set(path, (set = new Set()));
  set.add(watcher);
}

function drop(registry: Registry, path: string, watcher: Watcher): boolean {
  const set = registry.get(path);
  if (!set?.delete(watcher)) return false;
  if (set.size === 0) registry.delete(path);
  return true;
}

function take(registry: Registry, path: string): Set<Watcher> {
  const set = registry.get(path);
  registry.delete(path);
  return set ?? new Set();
}

function count(registry: Registry): number {
  let n = 0;
  for (const set of registry.values()) n += set.size;
  return n;
}

/**
 * One-shot data/exists and child watches, and persistent and persistent-recursive watches,
 * with ZooKeeper's rules for which change triggers which watch.
 */
export class WatchManager {
  private readonly data: Registry = new Map();
  private readonly children: Registry = new Map();
  private readonly persistent: Registry = new Map();
  private readonly recursive: Registry = new Map();

  addData(path: string, watcher: Watcher): void {
    add(this.data, path, watcher);
  }

  addChildren(path: string, watcher: Watcher): void {
    add(this.children, path, watcher);
  }

  addPersistent(path: string, mode: AddWatchMode, watcher: Watcher): void {
    add(mode === 'persistent' ? this.persistent : this.recursive, path, watcher);
  }

  /** Removes the watcher's registrations of that kind on path; false when there were none. */
  remove(path: string, kind: WatchRemoval, watcher: Watcher): boolean {
    const registries = this.registriesFor(kind);
    let removed = false;
    for (const registry of registries) removed = drop(registry, path, watcher) || removed;
    return removed;
  }

  has(path: string, kind: WatchRemoval, watcher: Watcher): boolean {
    return this.registriesFor(kind).some((r) => r.get(path)?.has(watcher) === true);
  }

  /** Drops everything a watcher registered (its connection went away). */
  removeWatcher(watcher: Watcher): void {
    for (const registry of [this.data, this.children, this.persistent, this.recursive]) {
      for (const path of [...registry.keys()]) drop(registry, path, watcher);
    }
  }

  get size(): number {
    return count(this.data) + count(this.children) + count(this.persistent) + count(this.recursive);
  }

  /** Watched paths per watcher, for operators (ZooKeeper's wchc/wchp). */
  pathsOf(watcher: Watcher): string[] {
    const paths = new Set<string>();
    for (const registry of [this.data, this.children, this.persistent, this.recursive]) {
      for (const [path, set] of registry) if (set.has(watcher)) paths.add(path);
    }
    return [...paths];
  }

  /** Watched paths of each session whose watchers name it, for operators. */
  pathsBySession(): Map<bigint, string[]> {
    const paths = new Map<bigint, Set<string>>();
    for (const registry of [this.data, this.children, this.persistent, this.recursive]) {
      for (const [path, set] of registry) {
        for (const w of set) {
          if (w.sessionId === undefined || w.sessionId === 0n) continue;
          let own = paths.get(w.sessionId);
          if (!own) paths.set(w.sessionId, (own = new Set()));
          own.add(path);
        }
      }
    }
    return new Map([...paths].map(([id, own]) => [id, [...own].sort()]));
  }

  nodeCreated(path: string, zxid: number): void {
    this.fire('NodeCreated', path, zxid, [take(this.data, path)]);
    this.fire(
      'NodeChildrenChanged',
      parentOf(path),
      zxid,
      [take(this.children, parentOf(path))],
      true,
    );
  }

  nodeDeleted(path: string, zxid: number): void {
    this.fire('NodeDeleted', path, zxid, [take(this.data, path), take(this.children, path)]);
    this.fire(
      'NodeChildrenChanged',
      parentOf(path),
      zxid,
      [take(this.children, parentOf(path))],
      true,
    );
  }

  nodeDataChanged(path: string, zxid: number): void {
    this.fire('NodeDataChanged', path, zxid, [take(this.data, path)]);
  }

  private fire(
    type: EventTypeName,
    path: string,
    zxid: number,
    oneShot: Set<Watcher>[],
    childEvent = false,
  ): void {
    const targets = new Set<Watcher>();
    for (const set of oneShot) for (const w of set) targets.add(w);
    for (const w of this.persistent.get(path) ?? []) targets.add(w);
    // Recursive watches hear about nodes, never about child lists.
    if (!childEvent && this.recursive.size > 0) {
      for (let p = path; ; p = parentOf(p)) {
        for (const w of this.recursive.get(p) ?? []) targets.add(w);
        if (p === '/') break;
      }
    }
    if (targets.size === 0) return;
    const event: WatchEvent = { type, path, zxid };
    for (const w of targets) w.notify(event);
  }

  private registriesFor(kind: WatchRemoval): Registry[] {
    switch (kind) {
      case 'children':
        return [this.children];
      case 'data':
        return [this.data];
      case 'persistent':
        return [this.persistent];
      case 'persistent-recursive':
        return [this.recursive];
      case 'any':
        return [this.data, this.children, this.persistent, this.recursive];
    }
  }
}
