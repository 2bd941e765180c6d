import type { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { childPath } from '../../core/path';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { order, type Contention } from '../../protocol/recipes/contention';
import { abortedError } from './aborted-error';
import type { Deadline } from './deadline';
import { OneShotWatch } from './one-shot-watch';

/**
 * Waits until our node holds, watching only the node the judge names (no herd: one deletion
 * wakes one waiter). 'timeout' or 'aborted' leave our node in place for the caller to remove.
 */
export async function awaitTurn(
  zk: Coordinator,
  ctx: ClientContext,
  dir: string,
  ours: string,
  contention: Contention,
  deadline: Deadline,
  signal?: AbortSignal,
): Promise<'holds' | 'timeout'> {
  for (;;) {
    const { children } = await zk.getChildren(ctx, dir);
    const ordered = order(children, contention.lockNames);
    if (!ordered.includes(ours)) {
      throw new ZkError(
        ZkCode.NoNode,
        childPath(dir, ours),
        'our contender node is gone (its session ended or it was deleted)',
      );
    }
    const standing = contention.judge(ordered, ours);
    if (standing.holds) return 'holds';
    const target = childPath(dir, standing.watch);
    const watch = new OneShotWatch(zk).on(target);
    if (!(await zk.exists(ctx, target, watch))) {
      watch.cancel();
      continue; // gone already: look again
    }
    const outcome = await watch.wait(deadline, signal);
    if (outcome === 'aborted') throw abortedError(zk, ctx);
    if (outcome === 'timeout') return 'timeout';
  }
}
