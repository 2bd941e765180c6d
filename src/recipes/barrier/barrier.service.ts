import { Injectable } from '@nestjs/common';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { ZkCode } from '../../core/zk-code';
import { abortedError } from '../common/aborted-error';
import { Deadline, type WaitOptions } from '../common/deadline';
import { OneShotWatch } from '../common/one-shot-watch';
import { recipeName } from '../common/recipe-name';
import { BARRIERS_ROOT } from '../../protocol/recipes/recipe-paths';
import { createWithParents, deleteQuietly, hasCode } from '../common/znode-ops';

/** Curator's DistributedBarrier: while the node exists, waiters wait; removing it lets them go. */
@Injectable()
export class BarrierService {
  constructor(private readonly zk: Coordinator) {}

  path(name: string): string {
    return `${BARRIERS_ROOT}/${recipeName(name, 'barrier name')}`;
  }

  async set(ctx: ClientContext, name: string): Promise<{ created: boolean }> {
    try {
      await createWithParents(this.zk, ctx, this.path(name), Buffer.alloc(0), {
        mode: 'persistent',
      });
      return { created: true };
    } catch (err) {
      if (hasCode(err, ZkCode.NodeExists)) return { created: false };
      throw err;
    }
  }

  async remove(ctx: ClientContext, name: string): Promise<{ removed: boolean }> {
    return { removed: await deleteQuietly(this.zk, ctx, this.path(name)) };
  }

  async isSet(ctx: ClientContext, name: string): Promise<boolean> {
    return (await this.zk.exists(ctx, this.path(name))) !== null;
  }

  /** True once the barrier is gone; false if it still stands at the deadline. */
  async wait(ctx: ClientContext, name: string, opts: WaitOptions = {}): Promise<boolean> {
    const path = this.path(name);
    const deadline = new Deadline(opts.timeoutMs);
    for (;;) {
      const watch = new OneShotWatch(this.zk).on(path);
      if (!(await this.zk.exists(ctx, path, watch))) {
        watch.cancel();
        return true;
      }
      const outcome = await watch.wait(deadline, opts.signal);
      if (outcome === 'aborted') throw abortedError(this.zk, ctx);
      if (outcome === 'timeout') return false;
    }
  }
}
