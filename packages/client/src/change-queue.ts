import { backoffDelay } from './backoff';
import type { ChangeEvent } from './watched-event';

const RELOAD = Symbol('reload');

export interface ChangeQueueWork {
  /** Applies a batch of changes in order. */
  apply(batch: ChangeEvent[]): Promise<void>;
  /** Re-reads everything (after a gap in the feed, or a failed apply). */
  reload(): Promise<void>;
  failed(err: unknown): void;
}

/**
 * The caches' worker: changes are applied one batch at a time, in order; a failure, or a gap
 * in the feed, turns into a full re-read, retried with backoff until it succeeds.
 */
export class ChangeQueue {
  private readonly items: Array<ChangeEvent | typeof RELOAD> = [];
  private running = false;
  private started = false;
  private stopped = false;
  private failures = 0;
  private waiters: Array<() => void> = [];

  constructor(private readonly work: ChangeQueueWork) {}

  push(event: ChangeEvent): void {
    this.items.push(event);
    this.kick();
  }

  reload(): void {
    this.items.push(RELOAD);
    this.kick();
  }

  /** Changes wait until `start`, which first reads everything. */
  start(): void {
    this.started = true;
    this.items.unshift(RELOAD);
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.items.length = 0;
    this.settle();
  }

  /** Resolves once everything queued so far is applied. */
  idle(): Promise<void> {
    if (this.stopped || (!this.running && this.items.length === 0)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private kick(): void {
    if (this.started && !this.running && !this.stopped) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.items.length > 0 && !this.stopped) {
        const reload = this.items[0] === RELOAD;
        const end = reload ? 1 : this.items.indexOf(RELOAD);
        const batch = this.items.splice(0, end < 0 ? this.items.length : end);
        try {
          if (reload) await this.work.reload();
          else await this.work.apply(batch as ChangeEvent[]);
          this.failures = 0;
        } catch (err) {
          if (this.stopped) break;
          this.work.failed(err);
          // Drop what is queued: the re-read covers it. Later changes queue behind it.
          this.items.splice(0, this.items.length, RELOAD);
          const delay = backoffDelay(this.failures++, { initialDelayMs: 100, maxDelayMs: 5000 });
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    } finally {
      this.running = false;
      this.settle();
    }
  }

  private settle(): void {
    if (this.running || (this.items.length > 0 && !this.stopped)) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
