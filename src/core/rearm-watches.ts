import type { WatchSet } from './coordinator-types';
import type { DataTree } from './data-tree';
import type { EventTypeName, Watcher } from './watch-event';
import type { WatchManager } from './watch-manager';

/**
 * Sets a reconnecting client's watches again (ZooKeeper's setWatches): a watch whose node changed
 * after `relativeZxid`, the last zxid the client saw, fires at once instead of being set, so
 * nothing that happened while the client was away goes unnoticed.
 */
export function rearmWatches(
  tree: DataTree,
  watches: WatchManager,
  set: WatchSet,
  relativeZxid: number,
  zxid: number,
  watcher: Watcher,
): void {
  const fire = (type: EventTypeName, path: string) => watcher.notify({ type, path, zxid });
  for (const path of set.data) {
    const node = tree.get(path);
    if (!node) fire('NodeDeleted', path);
    else if (node.mzxid > relativeZxid) fire('NodeDataChanged', path);
    else watches.addData(path, watcher);
  }
  for (const path of set.exist) {
    if (tree.get(path)) fire('NodeCreated', path);
    else watches.addData(path, watcher);
  }
  for (const path of set.child) {
    const node = tree.get(path);
    if (!node) fire('NodeDeleted', path);
    else if (node.pzxid > relativeZxid) fire('NodeChildrenChanged', path);
    else watches.addChildren(path, watcher);
  }
  for (const path of set.persistent) watches.addPersistent(path, 'persistent', watcher);
  for (const path of set.persistentRecursive) {
    watches.addPersistent(path, 'persistent-recursive', watcher);
  }
}
