import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { childPath } from '../../core/path';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { abortedError } from '../common/aborted-error';
import { Deadline, type WaitOptions } from '../common/deadline';
import { OneShotWatch } from '../common/one-shot-watch';
import { recipeName } from '../common/recipe-name';
import { DOUBLE_BARRIERS_ROOT } from '../../protocol/recipes/recipe-paths';
import { childrenOrEmpty, createWithParents, deleteQuietly, hasCode } from '../common/znode-ops';

/** Curator's DistributedDoubleBarrier node that says "everyone is in". */
export const READY_NODE = 'ready';

/**
 * Curator's DistributedDoubleBarrier: `members` participants enter (each an ephemeral node),
 * nobody proceeds until all have; then nobody leaves until all have. Same nodes as Curator:
 * `{path}/{memberId}` and `{path}/ready`.
 */
@Injectable()
export class DoubleBarrierService {
  constructor(private readonly zk: Coordinator) {}

  path(name: string): string {
    return `${DOUBLE_BARRIERS_ROOT}/${recipeName(name, 'barrier name')}`;
  }

  async enter(
    ctx: ClientContext,
    name: string,
    members: number,
    opts: WaitOptions & { id?: string } = {},
  ): Promise<{ entered: boolean; id: string }> {
    const dir = this.path(name);
    const id = recipeName(opts.id ?? randomUUID(), 'member id');
    if (id === READY_NODE) throw ZkError.badArguments(`"${READY_NODE}" is reserved`);
    const readyPath = childPath(dir, READY_NODE);
    const deadline = new Deadline(opts.timeoutMs);
    let watch = new OneShotWatch(this.zk).on(readyPath);
    const readyAlready = (await this.zk.exists(ctx, readyPath, watch)) !== null;
    try {
      await createWithParents(this.zk, ctx, childPath(dir, id), Buffer.alloc(0), {
        mode: 'ephemeral',
      });
    } catch (err) {
      watch.cancel();
      if (hasCode(err, ZkCode.NodeExists)) {
        throw new ZkError(
          ZkCode.NodeExists,
          childPath(dir, id),
          `member ${id} has entered already`,
        );
      }
      throw err;
    }
    if (readyAlready) {
      watch.cancel();
      return { entered: true, id };
    }
    for (;;) {
      const { children } = await childrenOrEmpty(this.zk, ctx, dir);
      if (children.length >= members) {
        watch.cancel();
        try {
          await this.zk.create(ctx, readyPath, Buffer.alloc(0), { mode: 'persistent' });
        } catch (err) {
          if (!hasCode(err, ZkCode.NodeExists)) throw err;
        }
        return { entered: true, id };
      }
      const outcome = await watch.wait(deadline, opts.signal);
      if (outcome === 'aborted') throw abortedError(this.zk, ctx);
      if (outcome === 'timeout') return { entered: false, id };
      // The ready node appeared (or something changed): look again with a fresh watch.
      watch = new OneShotWatch(this.zk).on(readyPath);
      if (await this.zk.exists(ctx, readyPath, watch)) {
        watch.cancel();
        return { entered: true, id };
      }
    }
  }

  /** Curator's leave: the lowest member waits for the highest; the others leave and wait for the lowest. */
  async leave(
    ctx: ClientContext,
    name: string,
    id: string,
    opts: WaitOptions = {},
  ): Promise<{ left: boolean }> {
    const dir = this.path(name);
    const ours = recipeName(id, 'member id');
    const deadline = new Deadline(opts.timeoutMs);
    let ourNodeShouldExist = true;
    let left = true;
    for (;;) {
      const members = (await childrenOrEmpty(this.zk, ctx, dir)).children
        .filter((c) => c !== READY_NODE)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (members.length === 0) break;
      const index = members.indexOf(ours);
      if (index < 0 && ourNodeShouldExist) {
        throw new ZkError(
          ZkCode.NoNode,
          childPath(dir, ours),
          `member ${ours} is not in the barrier`,
        );
      }
      if (members.length === 1) {
        if (ourNodeShouldExist) await deleteQuietly(this.zk, ctx, childPath(dir, ours));
        break;
      }
      const target = childPath(
        dir,
        index === 0 ? (members[members.length - 1] as string) : (members[0] as string),
      );
      const watch = new OneShotWatch(this.zk).on(target);
      const stat = await this.zk.exists(ctx, target, watch);
      if (index !== 0 && ourNodeShouldExist) {
        await deleteQuietly(this.zk, ctx, childPath(dir, ours));
        ourNodeShouldExist = false;
      }
      if (!stat) {
        watch.cancel();
        continue;
      }
      const outcome = await watch.wait(deadline, opts.signal);
      if (outcome === 'aborted') throw abortedError(this.zk, ctx);
      if (outcome === 'timeout') {
        left = false;
        break;
      }
    }
    await deleteQuietly(this.zk, ctx, childPath(dir, READY_NODE));
    return { left };
  }
}
