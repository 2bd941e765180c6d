import type { LogSlice, PrepareBatch, Snapshot, TxnStore } from './ports';
import type { SessionRecord } from './session-record';
import type { Txn } from './txn';
import type { NodeRecord } from './znode';

/** A TxnStore held in memory: for embedding the core without durability, and for its specs. */
export class InMemoryTxnStore implements TxnStore {
  readonly nodes = new Map<string, NodeRecord>();
  readonly sessions = new Map<bigint, SessionRecord>();
  log: Txn[] = [];
  lastZxid = 0;
  commits = 0;
  /** When set, the next commit fails with it (and changes nothing). */
  failNext?: Error;

  constructor(private readonly historyTxns = 10_000) {}

  async load(visit: (node: NodeRecord) => void): Promise<Snapshot> {
    for (const node of this.nodes.values()) visit(node);
    return { lastZxid: this.lastZxid, sessions: [...this.sessions.values()] };
  }

  async commit(appliedZxid: number, prepare: PrepareBatch): Promise<void> {
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
    const batch = prepare(this.log.filter((t) => t.zxid > appliedZxid));
    if (!batch) return;
    if (batch.txns[0]?.zxid !== this.lastZxid + 1) {
      throw new Error(`commit out of order: zxid ${batch.txns[0]?.zxid} after ${this.lastZxid}`);
    }
    for (const node of batch.upsertNodes) this.nodes.set(node.path, node);
    for (const path of batch.deletePaths) this.nodes.delete(path);
    for (const s of batch.openSessions) this.sessions.set(s.id, s);
    for (const id of batch.closeSessions) this.sessions.delete(id);
    this.log.push(...batch.txns);
    if (this.log.length > this.historyTxns) this.log = this.log.slice(-this.historyTxns);
    this.lastZxid = batch.lastZxid;
    this.commits += 1;
  }

  async readLog(afterZxid: number, limit: number): Promise<LogSlice> {
    return {
      oldestZxid: this.log[0]?.zxid ?? this.lastZxid + 1,
      lastZxid: this.lastZxid,
      txns: this.log.filter((t) => t.zxid > afterZxid).slice(0, limit),
    };
  }
}
