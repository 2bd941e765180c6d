import type { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { childPath } from '../../core/path';
import type { OpResult, WriteOp } from '../../core/write-request';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { order, type Contention } from '../../protocol/recipes/contention';
import { readMany } from '../common/znode-ops';

/**
 * A write guarded by a fencing token: the ops are applied in one multi whose first op is a
 * `check` on the lock node with that czxid, so they commit only while that node still holds
 * the lock. A holder that paused past its session and lost the lock cannot write any more.
 */
export async function fencedWrite(
  zk: Coordinator,
  ctx: ClientContext,
  dir: string,
  contention: Contention,
  token: number,
  ops: WriteOp[],
  accepts: (node: string) => boolean = () => true,
): Promise<OpResult[]> {
  if (ops.length === 0) throw ZkError.badArguments('ops must hold at least one write');
  let children: string[] = [];
  try {
    children = (await zk.getChildren(ctx, dir)).children;
  } catch (err) {
    if (!(err instanceof ZkError && err.code === ZkCode.NoNode)) throw err;
  }
  const ordered = order(children, contention.lockNames);
  const nodes = await readMany(
    zk,
    ctx,
    ordered.map((name) => childPath(dir, name)),
  );
  const name = ordered.find((n) => nodes.get(childPath(dir, n))?.stat.czxid === token);
  const stale = (why: string) =>
    new ZkError(ZkCode.BadVersion, dir, `fencing token ${token} ${why}`);
  if (name === undefined) throw stale('no longer holds the lock (released or its session ended)');
  if (!accepts(name))
    throw ZkError.badArguments(`fencing token ${token} is not of an exclusive hold`, dir);
  if (!contention.judge(ordered, name).holds) throw stale('is still waiting for the lock');
  const lockPath = childPath(dir, name);
  const version = nodes.get(lockPath)?.stat.version ?? -1;
  try {
    const results = await zk.multi(ctx, [{ op: 'check', path: lockPath, version }, ...ops]);
    return results.slice(1);
  } catch (err) {
    if (!(err instanceof ZkError) || !err.multi) throw err;
    if (err.multi.failedIndex === 0) throw stale('no longer holds the lock');
    // Report the caller's ops as if the guard were not there.
    throw ZkError.multiFailed(err, err.multi.failedIndex - 1, err.multi.codes.slice(1));
  }
}
