import { Injectable } from '@nestjs/common';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { childPath } from '../../core/path';
import { ZkCode } from '../../core/zk-code';
import {
  CONSUMERS_ROOT,
  ELECTIONS_ROOT,
  LOCKS_ROOT,
  QUEUES_ROOT,
  RW_LOCKS_ROOT,
  SEMAPHORES_ROOT,
} from '../../protocol/recipes/recipe-paths';
import { childrenOrEmpty, hasCode, readMany } from '../../recipes/common/znode-ops';
import { ElectionService } from '../../recipes/election/election.service';
import { ConsumerGroupService } from '../../recipes/load-balancer/consumer-group.service';
import { LockService } from '../../recipes/lock/lock.service';
import { RwLockService } from '../../recipes/lock/rw-lock.service';
import { SemaphoreService } from '../../recipes/lock/semaphore.service';
import { itemOrder, itemsOf } from '../../recipes/queue/queue-item';
import { QueueService } from '../../recipes/queue/queue.service';
import type { CoordinationJson, QueueJson } from '../admin-api-types';
import { dataPreview } from './data-preview';

const HEAD_ITEMS = 5;

/** The state of every election, lock, queue and consumer group, through their recipes. */
@Injectable()
export class CoordinationOverview {
  constructor(
    private readonly zk: Coordinator,
    private readonly elections: ElectionService,
    private readonly locks: LockService,
    private readonly rwLocks: RwLockService,
    private readonly semaphores: SemaphoreService,
    private readonly queues: QueueService,
    private readonly consumerGroups: ConsumerGroupService,
  ) {}

  async read(ctx: ClientContext): Promise<CoordinationJson> {
    const [elections, locks, rwLocks, semaphores, queues, consumerGroups] = await Promise.all([
      this.each(ctx, ELECTIONS_ROOT, async (g) => (await this.elections.state(ctx, g)).value),
      this.each(ctx, LOCKS_ROOT, (n) => this.locks.describe(ctx, n)),
      this.each(ctx, RW_LOCKS_ROOT, (n) => this.rwLocks.describe(ctx, n)),
      this.each(ctx, SEMAPHORES_ROOT, (n) => this.semaphores.describe(ctx, n)),
      this.each(ctx, QUEUES_ROOT, (n) => this.queue(ctx, n)),
      this.each(ctx, CONSUMERS_ROOT, async (g) => (await this.consumerGroups.state(ctx, g)).value),
    ]);
    return { elections, locks, rwLocks, semaphores, queues, consumerGroups };
  }

  private async queue(ctx: ClientContext, name: string): Promise<QueueJson> {
    const stats = await this.queues.stats(ctx, name);
    const itemsDir = this.queues.itemsDir(name);
    const [items, locks] = await Promise.all([
      childrenOrEmpty(this.zk, ctx, itemsDir),
      childrenOrEmpty(this.zk, ctx, this.queues.locksDir(name)),
    ]);
    const held = new Set(locks.children);
    const ids = itemOrder(items.children).slice(0, HEAD_ITEMS);
    const nodes = await readMany(
      this.zk,
      ctx,
      ids.map((id) => childPath(itemsDir, id)),
    );
    const head = ids.flatMap((id) => {
      const node = nodes.get(childPath(itemsDir, id));
      if (!node) return [];
      const first = itemsOf(node.data)[0] ?? Buffer.alloc(0);
      return [{ id, preview: dataPreview(first), pendingAck: held.has(id) }];
    });
    return { ...stats, head };
  }

  /** One entry per child of a recipe's root; names the recipe refuses, or that vanish, are left out. */
  private async each<T>(
    ctx: ClientContext,
    root: string,
    describe: (name: string) => Promise<T>,
  ): Promise<T[]> {
    const { children } = await childrenOrEmpty(this.zk, ctx, root);
    const found = await Promise.all(
      children.sort().map(async (name) => {
        try {
          return [await describe(name)];
        } catch (err) {
          if (hasCode(err, ZkCode.NoNode, ZkCode.BadArguments)) return [];
          throw err;
        }
      }),
    );
    return found.flat();
  }
}
