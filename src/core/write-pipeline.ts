import { applyTxn } from './apply-txn';
import type { Caller } from './caller';
import type { DataTree } from './data-tree';
import { PendingView } from './pending-view';
import type { Clock, CommitBatch, PrepareBatch, Scheduler, TxnStore } from './ports';
import type { SessionTable } from './session-table';
import type { Txn } from './txn';
import type { TxnBuilder } from './txn-builder';
import type { WriteRequest, WriteResult } from './write-request';
import { ZkCode } from './zk-code';
import { ZkError } from './zk-error';

interface Queued {
  req: WriteRequest;
  caller: Caller;
  resolve: (result: WriteResult) => void;
  reject: (err: unknown) => void;
}

export interface PipelineHooks {
  /** Called for each transaction once it is durable and applied, in zxid order. */
  applied(txn: Txn): void;
  committed(batch: { requests: number; txns: number; millis: number }): void;
}

export interface PipelineDeps {
  store: TxnStore;
  scheduler: Scheduler;
  clock: Clock;
  builder: TxnBuilder;
  tree: DataTree;
  sessions: SessionTable;
  maxPendingWrites: number;
  hooks: PipelineHooks;
  /** Monotonic milliseconds, for commit latency. */
  elapsed: () => number;
  /**
   * Other replicas write to the same store: every batch, even one that writes nothing, is
   * validated under the store's write lock against the latest committed state.
   */
  replicated: boolean;
}

interface Built {
  txns: Txn[];
  outcomes: Array<{ result?: WriteResult; error?: unknown }>;
  batch: CommitBatch | null;
}

/**
 * The one ordered write path: requests queued during a tick form one batch, validated in order,
 * committed in one durable transaction, then applied, watched and answered. One batch is in
 * flight at a time, so zxids, the log and the tree advance in the same order. Transactions other
 * replicas committed are applied through the same path (before a batch is validated, and by
 * `exclusive` jobs between batches), so the tree only ever moves forward in zxid order.
 */
export class WritePipeline {
  private queue: Queued[] = [];
  private scheduled = false;
  private committing = false;
  private zxid: number;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private deps: PipelineDeps,
    lastZxid: number,
  ) {
    this.zxid = lastZxid;
  }

  get lastZxid(): number {
    return this.zxid;
  }

  get pending(): number {
    return this.queue.length;
  }

  submit(req: WriteRequest, caller: Caller): Promise<WriteResult> {
    if (this.queue.length >= this.deps.maxPendingWrites) {
      return Promise.reject(
        new ZkError(
          ZkCode.Throttled,
          undefined,
          'too many writes pending (ZOONEST_MAX_PENDING_WRITES)',
        ),
      );
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ req, caller, resolve, reject });
      this.schedule();
    });
  }

  /** Runs `job` between batches: nothing else touches the tree while it runs. */
  exclusive<T>(job: () => Promise<T> | T): Promise<T> {
    const run = this.chain.then(job);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Applies transactions committed by others, in zxid order; those already applied are skipped. */
  applyCommitted(txns: readonly Txn[]): void {
    for (const txn of txns) {
      if (txn.zxid <= this.zxid) continue;
      if (txn.zxid !== this.zxid + 1) {
        throw new ZkError(
          ZkCode.ConnectionLoss,
          undefined,
          `log gap: transaction ${txn.zxid} follows applied ${this.zxid}`,
        );
      }
      this.apply(txn);
    }
  }

  /** Starts over from a reloaded state (run inside `exclusive`). */
  reset(tree: DataTree, lastZxid: number): void {
    this.deps = { ...this.deps, tree };
    this.zxid = lastZxid;
  }

  private schedule(): void {
    if (this.scheduled || this.committing) return;
    this.scheduled = true;
    this.deps.scheduler.defer(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.committing || this.queue.length === 0) return;
    this.committing = true;
    const batch = this.queue;
    this.queue = [];
    try {
      await this.exclusive(() => this.process(batch));
    } finally {
      this.committing = false;
      if (this.queue.length > 0) this.schedule();
    }
  }

  private async process(batch: Queued[]): Promise<void> {
    // Alone on its store, a batch that writes nothing needs no database round trip.
    let built: Built | undefined = this.deps.replicated ? undefined : this.build(batch);
    if (!built || built.txns.length > 0) {
      const started = this.deps.elapsed();
      const ok = await this.commit(batch, (newer) => {
        if (built && newer.length === 0) return built.batch;
        this.applyCommitted(newer);
        built = this.build(batch);
        return built.batch;
      });
      if (!ok) return;
      if (!built) throw new Error('the store committed without preparing the batch');
      this.committed(batch, built, started);
    }
    this.answer(batch, built);
  }

  private build(batch: Queued[]): Built {
    const { tree, sessions, builder, clock } = this.deps;
    const view = new PendingView(tree, sessions);
    const time = clock.now();
    const txns: Txn[] = [];
    const outcomes: Built['outcomes'] = [];
    let zxid = this.zxid;
    for (const item of batch) {
      try {
        const { txn, result } = builder.build(item.req, item.caller, view, zxid + 1, time);
        if (txn) {
          zxid = txn.zxid;
          txns.push(txn);
        }
        outcomes.push({ result });
      } catch (error) {
        outcomes.push({ error });
      }
    }
    return {
      txns,
      outcomes,
      batch: txns.length > 0 ? { txns, ...view.changes(), lastZxid: zxid } : null,
    };
  }

  /** Commits; on failure every request of the batch is refused and false returned. */
  private async commit(batch: Queued[], prepare: PrepareBatch): Promise<boolean> {
    try {
      await this.deps.store.commit(this.zxid, prepare);
      return true;
    } catch (cause) {
      const err =
        cause instanceof ZkError
          ? cause
          : new ZkError(ZkCode.SystemError, undefined, `commit failed: ${String(cause)}`);
      for (const item of batch) item.reject(err);
      return false;
    }
  }

  private committed(batch: Queued[], built: Built, started: number): void {
    if (built.txns.length === 0) return;
    this.deps.hooks.committed({
      requests: batch.length,
      txns: built.txns.length,
      millis: this.deps.elapsed() - started,
    });
    for (const txn of built.txns) this.apply(txn);
  }

  private apply(txn: Txn): void {
    applyTxn(this.deps.tree, this.deps.sessions, txn);
    this.zxid = txn.zxid;
    this.deps.hooks.applied(txn);
  }

  private answer(batch: Queued[], built: Built): void {
    batch.forEach((item, i) => {
      const outcome = built.outcomes[i];
      if (outcome?.result) item.resolve(outcome.result);
      else item.reject(outcome?.error);
    });
  }
}
