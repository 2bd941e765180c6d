import type { Stat } from './stat';

/** ZooKeeper's event types, with their wire numbers. */
export enum EventType {
  NodeCreated = 1,
  NodeDeleted = 2,
  NodeDataChanged = 3,
  NodeChildrenChanged = 4,
}

export type EventTypeName = keyof typeof EventType;

export interface WatchEvent {
  type: EventTypeName;
  path: string;
  zxid: number;
}

/** Receives watch events; one per connection, registered with each watch it sets. */
export interface Watcher {
  notify(event: WatchEvent): void;
  /** The session whose connection set the watch, when there is one (for operators' views). */
  readonly sessionId?: bigint;
}

export type WatchKind = 'data' | 'children';
export type AddWatchMode = 'persistent' | 'persistent-recursive';
/** Which watches removeWatches removes, as ZooKeeper's WatcherType. */
export type WatcherType = 'children' | 'data' | 'any';

/** A change as the change feed reports it (a Zoonest extension; also replayed from the log). */
export interface ChangeEvent {
  type: EventTypeName | 'NodeACLChanged';
  path: string;
  zxid: number;
  stat: Stat;
}
