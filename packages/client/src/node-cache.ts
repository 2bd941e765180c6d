import { CacheFeed } from './cache-feed';
import { isNewer, readNode, type ChildData } from './child-data';
import { TypedEmitter } from './typed-emitter';
import type { ChangeEvent } from './watched-event';
import type { ZoonestClient } from './zoonest-client';
import { requireClient, requirePath } from './recipes/arguments';

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
  private readonly feed: CacheFeed;

  constructor(
    private readonly client: ZoonestClient,
    readonly path: string,
  ) {
    super();
    requireClient('NodeCache', client);
    requirePath('NodeCache', path);
    this.feed = new CacheFeed({
      apply: (batch) => this.apply(batch),
      reload: async () => this.set(await this.read()),
      failed: (err) => this.emit('error', err),
    });
  }

  /** Subscribes and reads the node; resolves with the copy in place (emitting nodeChanged if it exists). */
  async start(): Promise<void> {
    await this.feed.start(this.client, this.path, (event) => event.path === this.path);
  }

  close(): Promise<void> {
    return this.feed.close();
  }

  getCurrentData(): ChildData | undefined {
    return this.current;
  }

  /** Resolves once every change received so far is applied. */
  settled(): Promise<void> {
    return this.feed.idle();
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
    if (this.feed.closed) return;
    const before = this.current;
    if (!before && !node) return;
    if (before && node && !isNewer(before, node)) return;
    this.current = node;
    this.emit('nodeChanged', node);
  }

  private read(): Promise<ChildData | undefined> {
    return readNode(this.client, this.path);
  }
}
