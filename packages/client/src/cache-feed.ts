import { ChangeQueue, type ChangeQueueWork } from './change-queue';
import type { SubscribeOptions, Subscription } from './subscription';
import type { ChangeEvent } from './watched-event';
import type { ZoonestClient } from './zoonest-client';

/**
 * What NodeCache and TreeCache share: a subscription to the change feed whose events a
 * ChangeQueue applies in order, started by a full read. Once closed, failures are not reported.
 */
export class CacheFeed {
  private readonly queue: ChangeQueue;
  private subscription: Subscription | undefined;
  private failStart: ((err: unknown) => void) | undefined;
  private isClosed = false;

  constructor(work: ChangeQueueWork) {
    this.queue = new ChangeQueue({
      apply: (batch) => work.apply(batch),
      reload: () => work.reload(),
      failed: (err) => {
        if (this.isClosed) return;
        work.failed(err);
        this.failStart?.(err);
      },
    });
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /**
   * Subscribes to `path` (events `accept` keeps are queued) and resolves once the first read is
   * applied; an error there (e.g. NoAuth) closes the feed and fails `start`.
   */
  async start(
    client: ZoonestClient,
    path: string,
    accept: (event: ChangeEvent) => boolean,
    opts: SubscribeOptions = {},
  ): Promise<void> {
    this.subscription = await client.subscribe(
      path,
      {
        change: (event) => {
          if (accept(event)) this.queue.push(event);
        },
        reset: () => this.queue.reload(),
        end: () => this.queue.stop(),
      },
      opts,
    );
    this.queue.start();
    const failed = new Promise<never>((_, reject) => (this.failStart = reject));
    try {
      await Promise.race([this.queue.idle(), failed]);
    } catch (err) {
      await this.close();
      throw err;
    } finally {
      this.failStart = undefined;
    }
  }

  async close(): Promise<void> {
    this.isClosed = true;
    this.queue.stop();
    await this.subscription?.close();
  }

  /** Resolves once every change received so far is applied. */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}
