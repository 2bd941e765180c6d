import { ChangeQueue } from './change-queue';
import { isNewer, type ChildData } from './child-data';
import type { Subscription } from './subscription';
import { TypedEmitter } from './typed-emitter';
import type { ChangeEvent } from './watched-event';
import type { ZoonestClient } from './zoonest-client';
import { isZoonestError } from './zoonest-error';

export interface NodeCacheEvents {
  /** The node was created, changed or deleted (then `node` is undefined). */
  nodeChanged: (node: ChildData | undefined) => void;
  /** Reading failed; the cache re-reads until it succeeds. */
  error: (err: unknown) => void;
}

/**
 * Curator's NodeCache: a local copy of one node's data and Stat, kept current from the change
 * feed (resumed across reconnects, so no change is missed), emitting each change.
 */
export class NodeCache extends TypedEmitter<NodeCacheEvents> {
  private current: ChildData | undefined;
  private readonly queue: ChangeQueue;
  private subscription: Subscription | undefined;
  private closed = false;

  constructor(
    private readonly client: ZoonestClient,
    readonly path: string,
  ) {
    super();
    this.queue = new ChangeQueue({
      apply: (batch) => this.apply(batch),
      reload: async () => this.set(await this.read()),
      failed: (err) => {
        if (!this.closed) this.emit('error', err);
      },
    });
  }

  /** Subscribes and reads the node; resolves with the copy in place (emitting nodeChanged if it exists). */
  async start(): Promise<void> {
    this.subscription = await this.client.subscribe(this.path, {
      change: (event) => {
        if (event.path === this.path) this.queue.push(event);
      },
      reset: () => this.queue.reload(),
      end: () => this.queue.stop(),
    });
    this.queue.start();
    await this.initialRead();
  }

  /** The first read's outcome: an error there (e.g. NoAuth) fails `start`. */
  private async initialRead(): Promise<void> {
    let off = () => undefined as void;
    const failed = new Promise<never>((_, reject) => {
      off = this.once('error', reject);
    });
    try {
      await Promise.race([this.queue.idle(), failed]);
    } catch (err) {
      await this.close();
      throw err;
    } finally {
      off();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.stop();
    await this.subscription?.close();
  }

  getCurrentData(): ChildData | undefined {
    return this.current;
  }

  /** Resolves once every change received so far is applied. */
  settled(): Promise<void> {
    return this.queue.idle();
  }

  private async apply(batch: ChangeEvent[]): Promise<void> {
    const needsRead = batch.some((e) => e.type === 'NodeCreated' || e.type === 'NodeDataChanged');
    const fetched = needsRead ? await this.read() : undefined;
    for (const event of batch) {
      if (event.type === 'NodeDeleted') {
        if (this.current && this.current.stat.czxid <= event.zxid) this.set(undefined);
      } else if (event.type === 'NodeCreated' || event.type === 'NodeDataChanged') {
        if (fetched && fetched.stat.czxid <= event.zxid) this.set(fetched);
      }
    }
  }

  private set(node: ChildData | undefined): void {
    if (this.closed) return;
    const before = this.current;
    if (!before && !node) return;
    if (before && node && !isNewer(before, node)) return;
    this.current = node;
    this.emit('nodeChanged', node);
  }

  private async read(): Promise<ChildData | undefined> {
    try {
      const { data, stat } = await this.client.getData(this.path);
      return { path: this.path, data, stat };
    } catch (err) {
      if (isZoonestError(err, 'NoNode')) return undefined;
      throw err;
    }
  }
}
