import type { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { childPath } from '../../core/path';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { abortedError } from './aborted-error';
import type { Deadline } from './deadline';
import { OneShotWatch } from './one-shot-watch';

/** Whether a contender holds, and if not, the one node it waits for. */
export type Standing = { holds: true } | { holds: false; watch: string };

export interface Contention {
  /** The contenders in order (sorted as Curator sorts them). */
  order: (children: string[]) => string[];
  judge: (ordered: string[], ours: string) => Standing;
}

/** A mutex (maxLeases 1): the first holds; everyone else watches the one just ahead. */
export function mutexJudge(ordered: string[], ours: string): Standing {
  const index = ordered.indexOf(ours);
  const ahead = ordered[index - 1];
  return index === 0 || ahead === undefined ? { holds: true } : { holds: false, watch: ahead };
}

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
    const ordered = contention.order(children);
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
