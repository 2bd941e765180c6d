import type { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { abortedError } from '../common/aborted-error';
import type { Deadline } from '../common/deadline';
import { OneShotWatch } from '../common/one-shot-watch';
import { childrenOrEmpty } from '../common/znode-ops';
import { itemOrder, type QueueItem } from './queue-item';

export interface TakeRequest {
  ctx: ClientContext;
  ack: boolean;
  owner: string;
  deadline: Deadline;
  signal?: AbortSignal;
}

/** Takes one named item for a request; null when someone else got it first. */
export type TakeAttempt = (req: TakeRequest, item: string) => Promise<QueueItem | null>;

interface Waiter {
  req: TakeRequest;
  resolve: (item: QueueItem | null) => void;
  reject: (err: unknown) => void;
  busy: boolean;
  done: boolean;
  /** The deadline passed while an attempt was running. */
  expired: boolean;
  cleanup: () => void;
}

/**
 * The takers of one queue on this server, served in arrival order. One pair of child watches
 * (items and ack locks) stands for all of them, and each round hands distinct items to distinct
 * takers, so takers neither herd on ZooKeeper nor race each other for the same item here.
 */
export class QueueDispatcher {
  private readonly waiters: Waiter[] = [];
  private readonly claimed = new Set<string>();
  private running = false;
  private rerun = false;
  private watch?: OneShotWatch;

  constructor(
    private readonly zk: Coordinator,
    private readonly itemsDir: string,
    private readonly locksDir: string,
    private readonly attempt: TakeAttempt,
    /** Puts back an item taken for a taker that gave up meanwhile (possible with ack only). */
    private readonly putBack: (req: TakeRequest, item: QueueItem) => Promise<void>,
  ) {}

  get idle(): boolean {
    return this.waiters.length === 0 && !this.running;
  }

  take(req: TakeRequest): Promise<QueueItem | null> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        req,
        resolve,
        reject,
        busy: false,
        done: false,
        expired: false,
        cleanup: () => undefined,
      };
      let timer: NodeJS.Timeout | undefined;
      const onTimeout = () => {
        if (waiter.busy) waiter.expired = true;
        else this.finish(waiter, null);
      };
      const onAbort = () => this.fail(waiter, abortedError(this.zk, req.ctx));
      if (!req.deadline.infinite && req.deadline.remaining() > 0) {
        timer = setTimeout(onTimeout, req.deadline.remaining());
      }
      req.signal?.addEventListener('abort', onAbort, { once: true });
      waiter.cleanup = () => {
        if (timer) clearTimeout(timer);
        req.signal?.removeEventListener('abort', onAbort);
      };
      if (req.signal?.aborted) return onAbort();
      this.waiters.push(waiter);
      this.kick();
    });
  }

  /** Drops every waiter, e.g. at shutdown. */
  close(err: unknown): void {
    for (const w of [...this.waiters]) this.fail(w, err);
    this.watch?.cancel();
  }

  private kick(): void {
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = true;
    void this.loop();
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.rerun = false;
        await this.round();
      } while (this.rerun);
    } finally {
      this.running = false;
      if (this.waiters.length === 0) {
        this.watch?.cancel();
        this.watch = undefined;
      }
    }
  }

  private async round(): Promise<void> {
    const head = this.waiters[0];
    if (!head) return;
    // Arm the watch before listing, so a change after the listing is never missed.
    this.watch?.cancel();
    const watch = new OneShotWatch(this.zk);
    this.watch = watch;
    void watch.event.then(() => {
      if (this.watch !== watch) return;
      this.watch = undefined;
      this.kick();
    });
    let candidates: string[];
    try {
      const items = await childrenOrEmpty(
        this.zk,
        head.req.ctx,
        this.itemsDir,
        watch.on(this.itemsDir),
      );
      const locks = await childrenOrEmpty(
        this.zk,
        head.req.ctx,
        this.locksDir,
        watch.on(this.locksDir),
      );
      const locked = new Set(locks.children);
      candidates = itemOrder(items.children).filter((i) => !locked.has(i) && !this.claimed.has(i));
    } catch (err) {
      this.fail(head, err);
      this.rerun = true;
      return;
    }
    const ready = this.waiters.filter((w) => !w.busy);
    if (candidates.length === 0) {
      // Nothing to take: a poll (no wait) answers now; the others wait for the watch.
      for (const w of ready) if (w.req.deadline.passed()) this.finish(w, null);
      return;
    }
    const pairs = ready
      .slice(0, candidates.length)
      .map((w, i) => [w, candidates[i] as string] as const);
    await Promise.all(pairs.map(([w, item]) => this.serve(w, item)));
  }

  private async serve(waiter: Waiter, item: string): Promise<void> {
    waiter.busy = true;
    this.claimed.add(item);
    try {
      const taken = await this.attempt(waiter.req, item);
      if (taken && waiter.done) await this.putBack(waiter.req, taken).catch(() => undefined);
      else if (taken) this.finish(waiter, taken);
      else this.rerun = true; // someone else took it: look again
    } catch (err) {
      this.fail(waiter, err);
    } finally {
      this.claimed.delete(item);
      waiter.busy = false;
      if (waiter.expired && !waiter.done) this.finish(waiter, null);
    }
  }

  private finish(waiter: Waiter, item: QueueItem | null): void {
    if (waiter.done) return;
    this.remove(waiter);
    waiter.resolve(item);
  }

  private fail(waiter: Waiter, err: unknown): void {
    if (waiter.done) return;
    this.remove(waiter);
    waiter.reject(err);
  }

  private remove(waiter: Waiter): void {
    waiter.done = true;
    waiter.cleanup();
    const i = this.waiters.indexOf(waiter);
    if (i >= 0) this.waiters.splice(i, 1);
  }
}
