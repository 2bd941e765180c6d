import type { Acl, AuthId } from './acl';
import type { Stat } from './stat';
import type { CreateMode } from './znode';
import type { ZkError } from './zk-error';

/** Who is calling, as a transport knows it. sessionId 0n: no session (a plain REST call). */
export interface ClientContext {
  sessionId: bigint;
  remoteAddress: string;
  /** Identities the transport vouches for itself: a client certificate's, the dashboard's. */
  ids?: readonly AuthId[];
}

export interface SessionInfo {
  sessionId: bigint;
  password: Buffer;
  timeoutMs: number;
}

export interface CreateOptions {
  mode?: CreateMode;
  acl?: Acl[];
  ttlMs?: number;
}

export interface NodeData {
  data: Buffer;
  stat: Stat;
}

export interface NodeChildren {
  children: string[];
  stat: Stat;
}

export type ReadOp = { op: 'getData'; path: string } | { op: 'getChildren'; path: string };

export type ReadResult =
  | ({ op: 'getData' } & NodeData)
  | { op: 'getChildren'; children: string[] }
  | { op: 'error'; error: ZkError };

/** Watches a reconnecting client asks to re-register, relative to the last zxid it saw. */
export interface WatchSet {
  data: string[];
  exist: string[];
  child: string[];
  persistent: string[];
  persistentRecursive: string[];
}

/** Hooks for metrics; the core calls them and knows nothing of how they are kept. */
export interface CoordinatorObserver {
  request(op: string, result: string): void;
  committed(batch: { requests: number; txns: number; millis: number }): void;
}
