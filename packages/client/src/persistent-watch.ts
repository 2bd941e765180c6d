import type { Subscription } from './subscription';
import type { ChangeEvent, WatchedEvent } from './watched-event';

export type AddWatchMode = 'persistent' | 'persistent-recursive';

export interface AddWatchOptions {
  /** 'persistent' (default): the node and its child list; 'persistent-recursive': every node below. */
  mode?: AddWatchMode;
  /** Called if, after a long absence, events could not be replayed (Curator's reset listener). */
  onReset?: () => void;
}

/**
 * A watch that stays until removed (ZooKeeper 3.6's addWatch), with the events ZooKeeper gives
 * it. Built on the change feed, so it resumes after a reconnect from the last event delivered.
 */
export class PersistentWatch {
  constructor(
    readonly path: string,
    readonly mode: AddWatchMode,
    private readonly subscription: Subscription,
  ) {}

  remove(): Promise<void> {
    return this.subscription.close();
  }
}

/** What a persistent watch on `watchPath` reports for a change, or undefined if nothing. */
export function watchedEventOf(
  watchPath: string,
  mode: AddWatchMode,
  change: ChangeEvent,
): WatchedEvent | undefined {
  if (change.type === 'NodeACLChanged') return undefined;
  const { path, zxid } = change;
  if (mode === 'persistent-recursive' || path === watchPath)
    return { type: change.type, path, zxid };
  // A persistent (non-recursive) watch hears of its children only as a changed child list.
  if (change.type === 'NodeCreated' || change.type === 'NodeDeleted') {
    return { type: 'NodeChildrenChanged', path: watchPath, zxid };
  }
  return undefined;
}
