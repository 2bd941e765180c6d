import { applyTxn } from './apply-txn';
import type { Caller } from './caller';
import type { DataTree } from './data-tree';
import { PendingView } from './pending-view';
import type { Clock, Scheduler, TxnStore } from './ports';
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
}

/**
 * The one ordered write path: requests queued during a tick form one batch, validated in order,
 * committed in one durable transaction, then applied, watched and answered. One batch is in
 * flight at a time, so zxids, the log and the tree advance in the same order.
 */
export class WritePipeline {
  private queue: Queued[] = [];
  private scheduled = false;
  private committing = false;
  private zxid: number;

  constructor(
    private readonly deps: PipelineDeps,
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
      await this.process(batch);
    } finally {
      this.committing = false;
      if (this.queue.length > 0) this.schedule();
    }
  }

  private async process(batch: Queued[]): Promise<void> {
    const { tree, sessions, builder, store, clock } = this.deps;
    const view = new PendingView(tree, sessions);
    const time = clock.now();
    const txns: Txn[] = [];
    const outcomes: Array<{ result?: WriteResult; error?: unknown }> = [];
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
    if (txns.length > 0) {
      const started = this.deps.elapsed();
      try {
        await store.commit({ txns, ...view.changes(), lastZxid: zxid });
      } catch (cause) {
        const err = new ZkError(ZkCode.SystemError, undefined, `commit failed: ${String(cause)}`);
        for (const item of batch) item.reject(err);
        return;
      }
      this.deps.hooks.committed({
        requests: batch.length,
        txns: txns.length,
        millis: this.deps.elapsed() - started,
      });
      for (const txn of txns) {
        applyTxn(tree, sessions, txn);
        this.zxid = txn.zxid;
        this.deps.hooks.applied(txn);
      }
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.result) item.resolve(outcome.result);
      else item.reject(outcome?.error);
    });
  }
}
