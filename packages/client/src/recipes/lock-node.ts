import type { ZoonestClient } from '../zoonest-client';
import { isZoonestError, ZoonestError } from '../zoonest-error';
import { ErrorCode } from '../error-code';
import { order, protectedName, type Contention } from '@zoonest/protocol/recipes/contention';
import { createWithParents, Deadline, deleteQuietly, nameOf, oneShot } from './recipe-support';

/** A held lock node: its path, and its czxid as a fencing token. */
export interface HeldNode {
  path: string;
  token: number;
}

/** Adds a protected ephemeral-sequential contender under `dir`. */
export async function enqueue(
  client: ZoonestClient,
  dir: string,
  baseName: string,
  data?: Uint8Array | string,
): Promise<HeldNode> {
  const path = await createWithParents(
    client,
    `${dir}/${protectedName(baseName)}`,
    data,
    'ephemeral-sequential',
  );
  const stat = await client.exists(path);
  return { path, token: stat?.czxid ?? 0 };
}

/**
 * Waits until our node holds, watching (with getData, as Curator) only the node the judge
 * names. False at the deadline.
 */
export async function awaitTurn(
  client: ZoonestClient,
  dir: string,
  ours: string,
  contention: Contention,
  deadline: Deadline,
): Promise<boolean> {
  for (;;) {
    const ordered = order(await client.getChildren(dir), contention.lockNames);
    if (!ordered.includes(ours)) {
      throw new ZoonestError(
        ErrorCode.NoNode,
        'our contender node is gone (session ended?)',
        `${dir}/${ours}`,
      );
    }
    const standing = contention.judge(ordered, ours);
    if (standing.holds) return true;
    const { watcher, fired } = oneShot();
    try {
      await client.getData(`${dir}/${standing.watch}`, { watch: watcher });
    } catch (err) {
      if (isZoonestError(err, 'NoNode')) continue;
      throw err;
    }
    if (!(await deadline.race(fired))) return false;
  }
}

/** Enqueues and waits; null at the deadline, with our node removed again. */
export async function acquireNode(
  client: ZoonestClient,
  dir: string,
  baseName: string,
  contention: Contention,
  timeoutMs?: number,
  data?: Uint8Array | string,
): Promise<HeldNode | null> {
  const held = await enqueue(client, dir, baseName, data);
  let ok = false;
  try {
    ok = await awaitTurn(client, dir, nameOf(held.path), contention, new Deadline(timeoutMs));
  } finally {
    if (!ok) await deleteQuietly(client, held.path).catch(() => undefined);
  }
  return ok ? held : null;
}
