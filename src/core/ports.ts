import type { SessionRecord } from './session-record';
import type { Txn } from './txn';
import type { NodeRecord } from './znode';

/** Wall-clock time in milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** Unpredictable bytes, for session passwords. */
export interface Entropy {
  randomBytes(length: number): Buffer;
}

/** Runs a function once the current event-loop tick has finished its work. */
export interface Scheduler {
  defer(fn: () => void): void;
}

/** The durable state besides the nodes, which `load` hands over one by one. */
export interface Snapshot {
  /** Highest zxid ever committed (0 for a new store). */
  lastZxid: number;
  sessions: SessionRecord[];
}

/** One write batch: the transactions in zxid order and the rows they leave behind. */
export interface CommitBatch {
  txns: Txn[];
  /** Final state of every node the batch created or changed (parents included). */
  upsertNodes: NodeRecord[];
  deletePaths: string[];
  openSessions: SessionRecord[];
  closeSessions: bigint[];
  /** zxid of the last transaction in the batch. */
  lastZxid: number;
}

export interface LogSlice {
  /** Smallest zxid still retained, or lastZxid + 1 when the log is empty. */
  oldestZxid: number;
  /** Highest zxid committed, when the slice was read. */
  lastZxid: number;
  /** Transactions with zxid > afterZxid, ascending, at most `limit`. */
  txns: Txn[];
}

/**
 * Builds the batch to commit while the store holds the cluster's write lock. `newer` are the
 * transactions other writers committed after the caller's applied zxid, in zxid order: the
 * caller applies them first, so it validates against the latest state. Null commits nothing.
 */
export type PrepareBatch = (newer: Txn[]) => CommitBatch | null;

/**
 * The durable store behind the write path. `commit` takes the write lock (one writer at a time,
 * across every replica on the same database), hands `prepare` what it has not applied yet, and
 * writes the batch prepare returns in the same database transaction. It is all-or-nothing and
 * durable once it resolves (an acknowledged write survives a crash); it rejects and changes
 * nothing otherwise. A batch must continue the log exactly (first zxid = stored lastZxid + 1,
 * no gaps), so a writer working from a stale view is refused instead of overwriting another's
 * transactions.
 */
export interface TxnStore {
  /** Reads the durable state in one snapshot, handing each node to `visit`, in no set order. */
  load(visit: (node: NodeRecord) => void): Promise<Snapshot>;
  commit(appliedZxid: number, prepare: PrepareBatch): Promise<void>;
  readLog(afterZxid: number, limit: number): Promise<LogSlice>;
}
