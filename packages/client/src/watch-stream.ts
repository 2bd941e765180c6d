import { AsyncQueue } from './async-queue';
import type { Subscription, SubscriptionHandlers } from './subscription';
import type { ChangeEvent } from './watched-event';

/**
 * `for await (const event of client.watch(path))`: the changes of a node and its children (or
 * a subtree), replayed from `fromZxid` if given, then live, across reconnects without loss.
 * Events are buffered until read. `break` or `close()` ends it; an error ends it with a throw.
 */
export class WatchStream implements AsyncIterableIterator<ChangeEvent> {
  /** Resolves once the server has the subscription (events from then on are caught). */
  readonly ready: Promise<void>;
  private readonly queue: AsyncQueue<ChangeEvent>;
  private subscription: Subscription | undefined;
  private closed = false;

  constructor(subscribe: (handlers: SubscriptionHandlers) => Promise<Subscription>) {
    this.queue = new AsyncQueue(() => void this.close());
    this.ready = subscribe({
      change: (event) => this.queue.push(event),
      error: (err) => this.queue.fail(err),
      end: () => this.queue.end(),
    }).then(
      (subscription) => {
        this.subscription = subscription;
        if (this.closed) void subscription.close();
      },
      (err: unknown) => {
        this.queue.fail(err);
        throw err;
      },
    );
    this.ready.catch(() => undefined); // the iterator throws it too
  }

  /** The zxid of the last event received (for resuming elsewhere with fromZxid). */
  get lastZxid(): number | undefined {
    return this.subscription?.lastZxid;
  }

  next(): Promise<IteratorResult<ChangeEvent>> {
    return this.queue.next();
  }

  return(): Promise<IteratorResult<ChangeEvent>> {
    return this.queue.return();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.queue.end();
    await this.subscription?.close();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ChangeEvent> {
    return this;
  }
}
