import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { OPEN_ACL_UNSAFE } from '../../core/acl';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { childPath } from '../../core/path';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { Deadline, type WaitOptions } from '../common/deadline';
import { recipeName } from '../common/recipe-name';
import { QUEUES_ROOT } from '../../protocol/recipes/recipe-paths';
import {
  childrenOrEmpty,
  createWithParents,
  dataOrNull,
  deleteQuietly,
  ensurePath,
  hasCode,
} from '../common/znode-ops';
import { QueueDispatcher, type TakeRequest } from './queue-dispatcher';
import { ITEM_PREFIX, itemNodeData, itemOrder, itemsOf, type QueueItem } from './queue-item';
import type { QueueStats } from '../common/recipe-states';

export type { QueueStats };

export interface TakeOptions extends WaitOptions {
  /** Hold the item until acked (at-least-once); needs a session. */
  ack?: boolean;
  owner?: string;
}

/**
 * A FIFO queue as Curator's DistributedQueue lays it out: items `queue-{seq}` under `items/`,
 * in its item format; an acknowledged take holds an ephemeral `locks/{item}` (Curator's
 * lockPath) until it is acked, so an item whose taker dies goes back to the queue.
 */
@Injectable()
export class QueueService implements OnModuleDestroy {
  private readonly dispatchers = new Map<string, QueueDispatcher>();

  constructor(private readonly zk: Coordinator) {}

  dir(name: string): string {
    return `${QUEUES_ROOT}/${recipeName(name, 'queue name')}`;
  }

  itemsDir(name: string): string {
    return `${this.dir(name)}/items`;
  }

  locksDir(name: string): string {
    return `${this.dir(name)}/locks`;
  }

  /** Puts one item (Curator's put) and answers its id. */
  async put(ctx: ClientContext, name: string, data: Buffer): Promise<{ id: string }> {
    const created = await createWithParents(
      this.zk,
      ctx,
      childPath(this.itemsDir(name), ITEM_PREFIX),
      itemNodeData(data),
      { mode: 'persistent-sequential' },
      'persistent',
    );
    return { id: created.path.slice(created.path.lastIndexOf('/') + 1) };
  }

  /** Takes the oldest item, waiting up to timeoutMs (absent: as long as it takes); null if none. */
  async take(ctx: ClientContext, name: string, opts: TakeOptions = {}): Promise<QueueItem | null> {
    if (opts.ack && ctx.sessionId === 0n) {
      throw ZkError.badArguments('a take with ack holds the item for a session: send a session');
    }
    return this.dispatcher(name).take({
      ctx,
      ack: opts.ack ?? false,
      owner: opts.owner ?? ctx.remoteAddress,
      deadline: new Deadline(opts.timeoutMs),
      signal: opts.signal,
    });
  }

  /** The oldest item not held for an ack, without taking it. */
  async peek(ctx: ClientContext, name: string): Promise<QueueItem | null> {
    const items = await childrenOrEmpty(this.zk, ctx, this.itemsDir(name));
    const locks = new Set((await childrenOrEmpty(this.zk, ctx, this.locksDir(name))).children);
    for (const id of itemOrder(items.children)) {
      if (locks.has(id)) continue;
      const node = await dataOrNull(this.zk, ctx, childPath(this.itemsDir(name), id));
      if (node) return toItem(id, node.data, false);
    }
    return null;
  }

  async stats(ctx: ClientContext, name: string): Promise<QueueStats> {
    const items = await childrenOrEmpty(this.zk, ctx, this.itemsDir(name));
    const locks = await childrenOrEmpty(this.zk, ctx, this.locksDir(name));
    return {
      name,
      path: this.dir(name),
      size: itemOrder(items.children).length,
      pendingAck: locks.children.length,
    };
  }

  /** Done with an item taken with ack: it leaves the queue for good. */
  async ack(ctx: ClientContext, name: string, id: string): Promise<void> {
    const lock = await this.ownLock(ctx, name, id);
    await this.zk.multi(ctx, [
      { op: 'delete', path: childPath(this.itemsDir(name), id), version: -1 },
      { op: 'delete', path: lock, version: -1 },
    ]);
  }

  /** Gives an item taken with ack back to the queue. */
  async release(ctx: ClientContext, name: string, id: string): Promise<void> {
    await this.zk.delete(ctx, await this.ownLock(ctx, name, id), -1);
  }

  onModuleDestroy(): void {
    const err = new ZkError(ZkCode.ConnectionLoss, undefined, 'the server is stopping');
    for (const d of this.dispatchers.values()) d.close(err);
    this.dispatchers.clear();
  }

  private dispatcher(name: string): QueueDispatcher {
    const itemsDir = this.itemsDir(name);
    let d = this.dispatchers.get(itemsDir);
    if (!d) {
      // Forget idle queues now and then, so the map holds only queues in use.
      for (const [key, other] of this.dispatchers) if (other.idle) this.dispatchers.delete(key);
      d = new QueueDispatcher(
        this.zk,
        itemsDir,
        this.locksDir(name),
        (req, item) => this.attempt(name, req, item),
        async (req, item) => {
          if (item.pendingAck) await this.release(req.ctx, name, item.id);
        },
      );
      this.dispatchers.set(itemsDir, d);
    }
    return d;
  }

  private async attempt(name: string, req: TakeRequest, id: string): Promise<QueueItem | null> {
    return req.ack ? this.takeHeld(name, req, id) : this.takeOnce(name, req, id);
  }

  /**
   * Removes the item in one multi that also creates and deletes its lock node: the create fails
   * if a consumer holds the item for an ack, so a plain take never steals a held item.
   */
  private async takeOnce(name: string, req: TakeRequest, id: string): Promise<QueueItem | null> {
    const itemPath = childPath(this.itemsDir(name), id);
    const lockPath = childPath(this.locksDir(name), id);
    const node = await dataOrNull(this.zk, req.ctx, itemPath);
    if (!node) return null;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.zk.multi(req.ctx, [
          {
            op: 'create',
            path: lockPath,
            data: Buffer.from(req.owner),
            acl: [...OPEN_ACL_UNSAFE],
            mode: 'persistent',
          },
          { op: 'delete', path: itemPath, version: node.stat.version },
          { op: 'delete', path: lockPath, version: -1 },
        ]);
        return toItem(id, node.data, false);
      } catch (err) {
        const missingLocksDir =
          err instanceof ZkError && err.multi?.failedIndex === 0 && err.code === ZkCode.NoNode;
        if (missingLocksDir && attempt === 1) {
          await ensurePath(this.zk, req.ctx, this.locksDir(name));
          continue;
        }
        if (hasCode(err, ZkCode.NodeExists, ZkCode.NoNode, ZkCode.BadVersion)) return null;
        throw err;
      }
    }
  }

  /** Holds the item with an ephemeral lock node of the taker's session, as Curator's lockPath. */
  private async takeHeld(name: string, req: TakeRequest, id: string): Promise<QueueItem | null> {
    const lockPath = childPath(this.locksDir(name), id);
    try {
      await createWithParents(
        this.zk,
        req.ctx,
        lockPath,
        Buffer.from(req.owner),
        { mode: 'ephemeral' },
        'persistent',
      );
    } catch (err) {
      if (hasCode(err, ZkCode.NodeExists)) return null;
      throw err;
    }
    const node = await dataOrNull(this.zk, req.ctx, childPath(this.itemsDir(name), id));
    if (!node) {
      await deleteQuietly(this.zk, req.ctx, lockPath);
      return null;
    }
    return toItem(id, node.data, true);
  }

  private async ownLock(ctx: ClientContext, name: string, id: string): Promise<string> {
    const lockPath = childPath(this.locksDir(name), recipeName(id, 'item id'));
    const lock = await dataOrNull(this.zk, ctx, lockPath);
    if (!lock || lock.stat.ephemeralOwner === 0n) {
      throw new ZkError(
        ZkCode.NoNode,
        lockPath,
        `item ${id} is not held for an ack (acked already, or its session ended)`,
      );
    }
    if (lock.stat.ephemeralOwner !== ctx.sessionId) {
      throw new ZkError(ZkCode.NoAuth, lockPath, `item ${id} is held by another session`);
    }
    return lockPath;
  }
}

function toItem(id: string, bytes: Buffer, pendingAck: boolean): QueueItem {
  const batch = itemsOf(bytes);
  return { id, data: batch[0] ?? Buffer.alloc(0), batch, pendingAck };
}
