import type { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import type { WatchEvent, Watcher } from '../../core/watch-event';
import type { Deadline } from './deadline';

export type WaitOutcome = 'changed' | 'timeout' | 'aborted';

/** Watches that removeWatches is asked for need no session: they are the server's own. */
const SERVER_CTX: ClientContext = { sessionId: 0n, remoteAddress: '' };

/**
 * A watcher for one wait: set it on a few paths, await the first event, and cancel the rest, so
 * no watch outlives the wait that set it.
 */
export class OneShotWatch implements Watcher {
  private readonly paths = new Set<string>();
  private resolveFired: (event: WatchEvent) => void = () => undefined;
  private fired?: WatchEvent;
  readonly event: Promise<WatchEvent>;

  constructor(private readonly zk: Coordinator) {
    this.event = new Promise((resolve) => (this.resolveFired = resolve));
  }

  /** Registers interest in `path`; returns this watcher to hand to a read. */
  on(path: string): this {
    this.paths.add(path);
    return this;
  }

  notify(event: WatchEvent): void {
    if (this.fired) return;
    this.fired = event;
    this.resolveFired(event);
  }

  /** Waits for an event, the deadline or the signal; the watches are cancelled either way. */
  async wait(deadline: Deadline, signal?: AbortSignal): Promise<WaitOutcome> {
    if (this.fired) return this.done('changed');
    if (signal?.aborted) return this.done('aborted');
    if (deadline.passed()) return this.done('timeout');
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const outcome = await Promise.race<WaitOutcome>([
      this.event.then(() => 'changed'),
      new Promise<WaitOutcome>((resolve) => {
        if (!deadline.infinite) timer = setTimeout(() => resolve('timeout'), deadline.remaining());
        onAbort = () => resolve('aborted');
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
    if (timer) clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    return this.done(outcome);
  }

  /** Removes whatever watches have not fired. */
  cancel(): void {
    for (const path of this.paths) {
      this.zk.removeWatches(SERVER_CTX, path, 'any', this).catch(() => undefined);
    }
    this.paths.clear();
  }

  private done(outcome: WaitOutcome): WaitOutcome {
    this.cancel();
    return outcome;
  }
}
