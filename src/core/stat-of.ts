import type { Stat } from './stat';
import type { ZNode } from './znode';

/** The Stat a client sees for a node (cversion counts child creates and deletes). */
export function statOf(node: ZNode): Stat {
  const { numChildren } = node;
  return {
    czxid: node.czxid,
    mzxid: node.mzxid,
    pzxid: node.pzxid,
    ctime: node.ctime,
    mtime: node.mtime,
    version: node.version,
    cversion: node.cversion * 2 - numChildren,
    aversion: node.aversion,
    ephemeralOwner: node.kind === 'ephemeral' ? node.ephemeralOwner : 0n,
    dataLength: node.data.length,
    numChildren,
  };
}
