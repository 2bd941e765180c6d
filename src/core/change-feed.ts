import { isWithin, parentOf } from './path';
import type { TxnStore } from './ports';
import type { Txn } from './txn';
import type { ChangeEvent } from './watch-event';
import { ZkCode } from './zk-code';
import { ZkError } from './zk-error';

/** The changes a transaction made, as subscribers see them. */
export function changesOf(txn: Txn): ChangeEvent[] {
  const out: ChangeEvent[] = [];
  for (const op of txn.ops) {
    const zxid = txn.zxid;
    switch (op.op) {
      case 'create':
        out.push({ type: 'NodeCreated', path: op.node.path, zxid, stat: op.stat });
        break;
      case 'delete':
        out.push({ type: 'NodeDeleted', path: op.path, zxid, stat: op.stat });
        break;
      case 'setData':
        out.push({ type: 'NodeDataChanged', path: op.path, zxid, stat: op.stat });
        break;
      case 'setACL':
        out.push({ type: 'NodeACLChanged', path: op.path, zxid, stat: op.stat });
        break;
      case 'createSession':
      case 'closeSession':
        break;
    }
  }
  return out;
}

export interface Subscription {
  readonly id: number;
  /** Changes after this zxid are delivered: the `fromZxid` asked for, or the zxid at subscribe. */
  readonly fromZxid: number;
  cancel(): void;
}

interface Subscriber {
  path: string;
  recursive: boolean;
  sink: (event: ChangeEvent) => void;
  /** Live events that arrived while the log was being replayed. */
  backlog: ChangeEvent[] | undefined;
  /** The last zxid replayed from the log; backlog events up to it were already delivered. */
  replayedTo: number;
}

const REPLAY_PAGE = 500;

/**
 * Subscriptions to a path or subtree that start from any retained zxid: first the transaction
 * log since then, then live changes, each exactly once and in zxid order (like etcd's watch
 * from a revision).
 */
export class ChangeFeed {
  private readonly subscribers = new Map<number, Subscriber>();
  private nextId = 1;

  constructor(
    private readonly store: TxnStore,
    private readonly lastZxid: () => number,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  publish(txn: Txn): void {
    if (this.subscribers.size === 0) return;
    const changes = changesOf(txn);
    for (const sub of this.subscribers.values()) {
      for (const change of changes) {
        if (!matches(sub, change.path)) continue;
        if (sub.backlog) sub.backlog.push(change);
        else sub.sink(change);
      }
    }
  }

  async subscribe(
    path: string,
    recursive: boolean,
    fromZxid: number | undefined,
    sink: (event: ChangeEvent) => void,
  ): Promise<Subscription> {
    const start = fromZxid ?? this.lastZxid();
    if (start > this.lastZxid()) {
      throw ZkError.badArguments(`fromZxid ${start} is ahead of the server (${this.lastZxid()})`);
    }
    const id = this.nextId++;
    const sub: Subscriber = { path, recursive, sink, backlog: [], replayedTo: start };
    this.subscribers.set(id, sub);
    if (fromZxid !== undefined) {
      try {
        await this.replay(sub, start);
      } catch (err) {
        this.subscribers.delete(id);
        throw err;
      }
    }
    const backlog = sub.backlog ?? [];
    sub.backlog = undefined;
    for (const change of backlog) if (change.zxid > sub.replayedTo) sink(change);
    return { id, fromZxid: start, cancel: () => this.subscribers.delete(id) };
  }

  private async replay(sub: Subscriber, from: number): Promise<void> {
    let after = from;
    for (;;) {
      const slice = await this.store.readLog(after, REPLAY_PAGE);
      if (after + 1 < slice.oldestZxid) {
        throw new ZkError(
          ZkCode.HistoryUnavailable,
          sub.path,
          `fromZxid ${from} is older than the retained history; the oldest retained transaction is ${slice.oldestZxid}, so replay can start from ${slice.oldestZxid - 1} (ZOONEST_HISTORY_TXNS)`,
        ).with({ oldestZxid: slice.oldestZxid });
      }
      for (const txn of slice.txns) {
        // A replica may read the log ahead of what it applied; the rest arrives live.
        if (txn.zxid > this.lastZxid()) return;
        for (const change of changesOf(txn)) if (matches(sub, change.path)) sub.sink(change);
        sub.replayedTo = txn.zxid;
        after = txn.zxid;
      }
      if (slice.txns.length < REPLAY_PAGE) return;
    }
  }
}

function matches(sub: Subscriber, path: string): boolean {
  if (sub.recursive) return isWithin(path, sub.path);
  return path === sub.path || (path !== '/' && parentOf(path) === sub.path);
}
