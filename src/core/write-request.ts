import type { Acl } from './acl';
import type { SessionRecord } from './session-record';
import type { Stat } from './stat';
import type { CreateMode } from './znode';

/** A write that can stand alone or inside a multi. `version` -1 matches any version. */
export type WriteOp =
  | { op: 'create'; path: string; data: Buffer; acl: Acl[]; mode: CreateMode; ttlMs?: number }
  | { op: 'delete'; path: string; version: number }
  | { op: 'setData'; path: string; data: Buffer; version: number }
  | { op: 'setACL'; path: string; acl: Acl[]; version: number }
  | { op: 'check'; path: string; version: number }
  /** ZooKeeper's deleteContainer: removes a childless container or TTL node. */
  | { op: 'deleteContainer'; path: string };

export type WriteRequest =
  | WriteOp
  | { op: 'multi'; ops: WriteOp[] }
  | { op: 'createSession'; timeoutMs: number }
  | { op: 'closeSession'; sessionId: bigint }
  | { op: 'sync'; path: string };

/** What one op of a write produced. */
export type OpResult =
  | { op: 'create'; path: string; stat: Stat }
  | { op: 'delete' }
  | { op: 'setData'; stat: Stat }
  | { op: 'setACL'; stat: Stat }
  | { op: 'check' }
  | { op: 'deleteContainer' };

export type WriteResult =
  | OpResult
  | { op: 'multi'; results: OpResult[] }
  | { op: 'createSession'; session: SessionRecord }
  | { op: 'closeSession' }
  | { op: 'sync'; path: string };
