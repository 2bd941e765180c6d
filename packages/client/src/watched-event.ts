import type { WatchEventType } from '@zoonest/protocol/wire/socketio-events';
import type { Stat } from './stat';

export type EventType = WatchEventType;

/** What a one-shot or persistent watch reports, as ZooKeeper's WatchedEvent. */
export interface WatchedEvent {
  type: EventType;
  path: string;
  /** The transaction that caused it. */
  zxid: number;
}

/** Called once per event. */
export type Watcher = (event: WatchedEvent) => void;

/** A change as `client.watch()` and `client.subscribe()` report it, with the node's new Stat. */
export interface ChangeEvent {
  type: EventType | 'NodeACLChanged';
  path: string;
  zxid: number;
  stat: Stat;
}
