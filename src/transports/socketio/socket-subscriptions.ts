import type { Subscription } from '../../core/change-feed';
import type { ChangeEvent } from '../../core/watch-event';

/**
 * One socket's change-feed subscriptions, numbered per socket. A new subscription's events
 * (its replay comes first) are held until the reply with its id has gone out, so a client
 * always knows an id before it sees events carrying it.
 */
export class SocketSubscriptions {
  private nextId = 1;
  private readonly live = new Map<number, Subscription>();
  private readonly held = new Map<number, ChangeEvent[]>();
  private closed = false;

  constructor(private readonly deliver: (subscriptionId: number, event: ChangeEvent) => void) {}

  get size(): number {
    return this.live.size;
  }

  /** Subscribes with a sink of its own; events wait for `release(id)`. */
  async open(
    subscribe: (sink: (event: ChangeEvent) => void) => Promise<Subscription>,
  ): Promise<number> {
    const id = this.nextId++;
    this.held.set(id, []);
    const sink = (event: ChangeEvent): void => {
      const held = this.held.get(id);
      if (held) held.push(event);
      else if (this.live.has(id)) this.deliver(id, event);
    };
    let sub: Subscription;
    try {
      sub = await subscribe(sink);
    } catch (err) {
      this.held.delete(id);
      throw err;
    }
    if (this.closed) sub.cancel();
    else this.live.set(id, sub);
    return id;
  }

  /** The reply naming `id` is out: deliver what was held, then stream. */
  release(id: number): void {
    const held = this.held.get(id);
    this.held.delete(id);
    if (!held || !this.live.has(id)) return;
    for (const event of held) this.deliver(id, event);
  }

  cancel(id: number): boolean {
    const sub = this.live.get(id);
    if (!sub) return false;
    sub.cancel();
    this.live.delete(id);
    this.held.delete(id);
    return true;
  }

  /** The socket is gone: cancel everything, including subscriptions still being opened. */
  close(): void {
    this.closed = true;
    for (const sub of this.live.values()) sub.cancel();
    this.live.clear();
    this.held.clear();
  }
}
