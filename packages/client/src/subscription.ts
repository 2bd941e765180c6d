import type { ChangeEvent } from './watched-event';
import type { ZoonestError } from './zoonest-error';

export interface SubscribeOptions {
  /** The whole subtree, not just the node and its children. */
  recursive?: boolean;
  /** Replay changes after this zxid from the server's log first; default: from now on. */
  fromZxid?: number;
}

/** Where a subscription's events go. */
export interface SubscriptionHandlers {
  change(event: ChangeEvent): void;
  /**
   * When given, a resume the server can no longer replay (its history was trimmed) restarts the
   * subscription from now and calls this: events may have been missed, so re-read. Without it,
   * such a subscription ends with `error`.
   */
  reset?(): void;
  /** The subscription ended with an error (e.g. NoAuth, or HistoryUnavailable without reset). */
  error?(err: ZoonestError): void;
  /** The subscription ended because the client closed. */
  end?(): void;
}

/** A live subscription to the changes of a node and its children, or of a subtree. */
export interface Subscription {
  readonly path: string;
  readonly recursive: boolean;
  /** The zxid of the last change delivered (or the start point). */
  readonly lastZxid: number | undefined;
  close(): Promise<void>;
}
