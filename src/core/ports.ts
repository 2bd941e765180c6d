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

/** Everything durable, as loaded at start. */
export interface Snapshot {
  /** Highest zxid ever committed (0 for a new store). */
  lastZxid: number;
  nodes: NodeRecord[];
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
  /** Transactions with zxid > afterZxid, ascending, at most `limit`. */
  txns: Txn[];
}

/**
 * The durable store behind the write path. `commit` is all-or-nothing and durable once it
 * resolves (an acknowledged write survives a crash); it rejects and changes nothing otherwise.
 * A batch must continue the log exactly (first zxid = stored lastZxid + 1, no gaps), so a writer
 * working from a stale view is refused instead of overwriting another's transactions.
 */
export interface TxnStore {
  load(): Promise<Snapshot>;
  commit(batch: CommitBatch): Promise<void>;
  readLog(afterZxid: number, limit: number): Promise<LogSlice>;
}
