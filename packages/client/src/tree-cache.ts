import { CacheFeed } from './cache-feed';
import { isNewer, readNode, type ChildData } from './child-data';
import { TypedEmitter } from './typed-emitter';
import type { ChangeEvent } from './watched-event';
import type { ZoonestClient } from './zoonest-client';
import { isZoonestError } from './zoonest-error';
import { childPath } from './znode-path';
import { requireClient, requirePath } from './recipes/arguments';

export interface TreeCacheOptions {
  /** Cache nodes down to this depth below the root (0: the root only). Default: all. */
  maxDepth?: number;
}

export interface TreeCacheEvents {
  nodeAdded: (node: ChildData) => void;
  nodeUpdated: (node: ChildData, previous: ChildData) => void;
  nodeRemoved: (node: ChildData) => void;
  /** The initial copy is complete (after its nodeAdded events). */
  initialized: () => void;
  /** Reading failed; the cache re-reads the tree until it succeeds. */
  error: (err: unknown) => void;
}

/**
 * Curator's TreeCache: a local copy of a subtree (data and Stat of every node) kept current
 * from the change feed, emitting each change. It resumes after reconnects and survives a new
 * session without missing a change; after a gap it cannot replay it re-reads and emits the
 * difference.
 */
export class TreeCache extends TypedEmitter<TreeCacheEvents> {
  private nodes = new Map<string, ChildData>();
  private readonly feed: CacheFeed;
  private readonly maxDepth: number;

  constructor(
    private readonly client: ZoonestClient,
    readonly path: string,
    opts: TreeCacheOptions = {},
  ) {
    super();
    requireClient('TreeCache', client);
    requirePath('TreeCache', path);
    this.maxDepth = opts.maxDepth ?? Infinity;
    this.feed = new CacheFeed({
      apply: (batch) => this.apply(batch),
      reload: () => this.reload(),
      failed: (err) => this.emit('error', err),
    });
  }

  /** Subscribes, reads the subtree, emits nodeAdded for each node then initialized. */
  async start(): Promise<void> {
    await this.feed.start(
      this.client,
      this.path,
      (event) => this.depthOf(event.path) <= this.maxDepth,
      { recursive: true },
    );
    if (!this.feed.closed) this.emit('initialized');
  }

  close(): Promise<void> {
    return this.feed.close();
  }

  getCurrentData(path: string): ChildData | undefined {
    return this.nodes.get(path);
  }

  /** The cached children of a node by name, or undefined if the node is not cached. */
  getCurrentChildren(path: string): Map<string, ChildData> | undefined {
    if (!this.nodes.has(path)) return undefined;
    const prefix = path === '/' ? '/' : `${path}/`;
    const out = new Map<string, ChildData>();
    for (const [p, node] of this.nodes) {
      const name = p.slice(prefix.length);
      if (p !== path && p.startsWith(prefix) && !name.includes('/')) out.set(name, node);
    }
    return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  /** Every cached node by path. */
  getCurrentTree(): Map<string, ChildData> {
    return new Map(this.nodes);
  }

  /** Resolves once every change received so far is applied. */
  settled(): Promise<void> {
    return this.feed.idle();
  }

  private async apply(batch: ChangeEvent[]): Promise<void> {
    const wanted = new Set(
      batch
        .filter((e) => e.type === 'NodeCreated' || e.type === 'NodeDataChanged')
        .map((e) => e.path),
    );
    const fetched = new Map<string, ChildData | undefined>();
    await Promise.all([...wanted].map(async (p) => fetched.set(p, await readNode(this.client, p))));
    for (const event of batch) {
      if (this.feed.closed) return;
      const current = this.nodes.get(event.path);
      switch (event.type) {
        case 'NodeCreated':
        case 'NodeDataChanged': {
          const node = fetched.get(event.path);
          // Gone again (its NodeDeleted follows), or recreated later (its NodeCreated follows).
          if (!node || node.stat.czxid > event.zxid) break;
          this.upsert(node);
          break;
        }
        case 'NodeDeleted':
          if (current && current.stat.czxid <= event.zxid) this.removeSubtree(event.path);
          break;
        case 'NodeACLChanged':
          if (current && current.stat.czxid === event.stat.czxid) {
            this.nodes.set(event.path, { ...current, stat: event.stat });
          }
          break;
        case 'NodeChildrenChanged':
          break;
      }
    }
  }

  /** Reads the whole subtree and emits how it differs from the copy. */
  private async reload(): Promise<void> {
    const fresh = new Map<string, ChildData>();
    let level = [this.path];
    for (let depth = 0; level.length > 0; depth++) {
      const found = await Promise.all(
        level.map(async (p) => {
          const [node, children] = await Promise.all([
            readNode(this.client, p),
            depth < this.maxDepth ? this.children(p) : [],
          ]);
          return { node, children: children.map((c) => childPath(p, c)) };
        }),
      );
      level = [];
      for (const { node, children } of found) {
        if (!node) continue;
        fresh.set(node.path, node);
        level.push(...children);
      }
    }
    if (this.feed.closed) return;
    const gone = [...this.nodes.keys()].filter((p) => !fresh.has(p));
    for (const p of gone.sort(deepestFirst)) this.remove(p);
    for (const node of fresh.values()) this.upsert(node);
  }

  private upsert(node: ChildData): void {
    const current = this.nodes.get(node.path);
    if (!current) {
      this.nodes.set(node.path, node);
      this.emit('nodeAdded', node);
    } else if (isNewer(current, node)) {
      this.nodes.set(node.path, node);
      this.emit('nodeUpdated', node, current);
    }
  }

  private removeSubtree(path: string): void {
    const prefix = path === '/' ? '/' : `${path}/`;
    const doomed = [...this.nodes.keys()].filter((p) => p === path || p.startsWith(prefix));
    for (const p of doomed.sort(deepestFirst)) this.remove(p);
  }

  private remove(path: string): void {
    const node = this.nodes.get(path);
    if (!node) return;
    this.nodes.delete(path);
    this.emit('nodeRemoved', node);
  }

  private async children(path: string): Promise<string[]> {
    try {
      return await this.client.getChildren(path);
    } catch (err) {
      if (isZoonestError(err, 'NoNode')) return [];
      throw err;
    }
  }

  private depthOf(path: string): number {
    if (path === this.path) return 0;
    const rest = this.path === '/' ? path.slice(1) : path.slice(this.path.length + 1);
    return rest.split('/').length;
  }
}

function deepestFirst(a: string, b: string): number {
  return b.split('/').length - a.split('/').length;
}
