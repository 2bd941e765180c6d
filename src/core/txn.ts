import type { Acl } from './acl';
import type { SessionRecord } from './session-record';
import type { Stat } from './stat';
import type { NodeRecord } from './znode';

/**
 * One change inside a transaction. Applying ops is deterministic: the same log gives the same
 * tree on every replica. `stat` is the node's Stat after the op (before it, for a delete), kept
 * so that a replay of the log can tell subscribers what a change looked like.
 */
export type TxnOp =
  | { op: 'create'; node: NodeRecord; stat: Stat }
  | { op: 'delete'; path: string; stat: Stat }
  | { op: 'setData'; path: string; data: Buffer; version: number; stat: Stat }
  | { op: 'setACL'; path: string; acl: Acl[]; aversion: number; stat: Stat }
  | { op: 'createSession'; session: SessionRecord }
  | { op: 'closeSession'; sessionId: bigint };

/** A committed transaction: one zxid for all its ops (a multi is one transaction). */
export interface Txn {
  zxid: number;
  time: number;
  /** The session that asked for it, 0n for the server itself (expiry, reaping). */
  sessionId: bigint;
  ops: TxnOp[];
}
