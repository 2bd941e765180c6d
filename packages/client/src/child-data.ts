import type { Stat } from './stat';
import type { ZoonestClient } from './zoonest-client';
import { isZoonestError } from './zoonest-error';

/** A cached node, as Curator's ChildData: its path, data and Stat. */
export interface ChildData {
  path: string;
  data: Uint8Array;
  stat: Stat;
}

/** True when `b` is a newer state of the node than `a` (recreated, or changed since). */
export function isNewer(a: ChildData, b: ChildData): boolean {
  return a.stat.czxid !== b.stat.czxid || b.stat.mzxid > a.stat.mzxid;
}

/** A node's data and Stat, or undefined if there is no such node. */
export async function readNode(
  client: ZoonestClient,
  path: string,
): Promise<ChildData | undefined> {
  try {
    const { data, stat } = await client.getData(path);
    return { path, data, stat };
  } catch (err) {
    if (isZoonestError(err, 'NoNode')) return undefined;
    throw err;
  }
}
