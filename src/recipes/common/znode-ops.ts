import type { Coordinator } from '../../core/coordinator';
import type { ClientContext, CreateOptions, NodeData } from '../../core/coordinator-types';
import { parentOf } from '../../core/path';
import type { Stat } from '../../core/stat';
import type { Watcher } from '../../core/watch-event';
import { ZkCode } from '../../core/zk-code';
import { isZkError } from '../../core/zk-error';

const EMPTY = Buffer.alloc(0);
const CREATE_ATTEMPTS = 5;

export function hasCode(err: unknown, ...codes: ZkCode[]): boolean {
  return isZkError(err) && codes.includes(err.code);
}

/** Creates `path` and any missing ancestors (NodeExists is fine: someone else made it). */
export async function ensurePath(
  zk: Coordinator,
  ctx: ClientContext,
  path: string,
  mode: 'persistent' | 'container' = 'persistent',
): Promise<void> {
  if (path === '/' || (await zk.exists(ctx, path))) return;
  const names = path.slice(1).split('/');
  for (let i = 1; i <= names.length; i++) {
    const prefix = `/${names.slice(0, i).join('/')}`;
    try {
      await zk.create(ctx, prefix, EMPTY, { mode });
    } catch (err) {
      if (!hasCode(err, ZkCode.NodeExists)) throw err;
    }
  }
}

/**
 * Curator's `creatingParentContainersIfNeeded()`: creates the node, and its parents when they are
 * missing. Retried because an empty container parent may be reaped between the two steps.
 */
export async function createWithParents(
  zk: Coordinator,
  ctx: ClientContext,
  path: string,
  data: Buffer,
  opts: CreateOptions,
  parentMode: 'persistent' | 'container' = 'container',
): Promise<{ path: string; stat: Stat }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await zk.create(ctx, path, data, opts);
    } catch (err) {
      if (!hasCode(err, ZkCode.NoNode) || attempt >= CREATE_ATTEMPTS) throw err;
      await ensurePath(zk, ctx, parentOf(path), parentMode);
    }
  }
}

/** Deletes a node; false when it was already gone. */
export async function deleteQuietly(
  zk: Coordinator,
  ctx: ClientContext,
  path: string,
  version = -1,
): Promise<boolean> {
  try {
    await zk.delete(ctx, path, version);
    return true;
  } catch (err) {
    if (hasCode(err, ZkCode.NoNode)) return false;
    throw err;
  }
}

export async function dataOrNull(
  zk: Coordinator,
  ctx: ClientContext,
  path: string,
  watcher?: Watcher,
): Promise<NodeData | null> {
  try {
    return await zk.getData(ctx, path, watcher);
  } catch (err) {
    if (hasCode(err, ZkCode.NoNode)) return null;
    throw err;
  }
}

/**
 * Children of a node that may not exist yet. With a watcher, a missing node gets an exists watch
 * instead, so its creation is noticed too.
 */
export async function childrenOrEmpty(
  zk: Coordinator,
  ctx: ClientContext,
  path: string,
  watcher?: Watcher,
): Promise<{ children: string[]; pzxid: number }> {
  try {
    const { children, stat } = await zk.getChildren(ctx, path, watcher);
    return { children, pzxid: stat.pzxid };
  } catch (err) {
    if (!hasCode(err, ZkCode.NoNode)) throw err;
    const stat = await zk.exists(ctx, path, watcher);
    // Created in between: read again (the exists watch stays set, which is harmless).
    return stat ? childrenOrEmpty(zk, ctx, path) : { children: [], pzxid: 0 };
  }
}

/** Data and Stat of many nodes at one point in time; missing nodes are left out. */
export async function readMany(
  zk: Coordinator,
  ctx: ClientContext,
  paths: readonly string[],
): Promise<Map<string, NodeData>> {
  const found = new Map<string, NodeData>();
  if (paths.length === 0) return found;
  const results = await zk.multiRead(
    ctx,
    paths.map((path) => ({ op: 'getData' as const, path })),
  );
  results.forEach((result, i) => {
    const path = paths[i];
    if (result.op === 'getData' && path !== undefined) {
      found.set(path, { data: result.data, stat: result.stat });
    } else if (result.op === 'error' && result.error.code !== ZkCode.NoNode) {
      throw result.error;
    }
  });
  return found;
}
