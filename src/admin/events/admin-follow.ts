import type { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import type { Subscription } from '../../core/change-feed';
import { ZkCode } from '../../core/zk-code';
import { isZkError } from '../../core/zk-error';
import type { ChangeEvent } from '../../core/watch-event';

/** Where a follow starts: after a zxid the client saw, or `history` transactions back. */
export interface FollowStart {
  fromZxid?: number;
  history?: number;
}

/**
 * Subscribes to everything under `prefix` from `start`, or from the oldest transaction the log
 * still keeps when that is later: a dashboard would rather see less history than none.
 */
export async function followChanges(
  zk: Coordinator,
  ctx: ClientContext,
  prefix: string,
  start: FollowStart,
  sink: (event: ChangeEvent) => void,
): Promise<Subscription> {
  const fromZxid =
    start.fromZxid ?? (start.history ? Math.max(0, zk.lastZxid - start.history) : undefined);
  try {
    return await zk.subscribe(ctx, prefix, { recursive: true, fromZxid }, sink);
  } catch (err) {
    const oldest = isZkError(err) && err.code === ZkCode.HistoryUnavailable && err.info?.oldestZxid;
    if (typeof oldest !== 'number') throw err;
    return zk.subscribe(ctx, prefix, { recursive: true, fromZxid: oldest - 1 }, sink);
  }
}
