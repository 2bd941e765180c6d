import type { NodeChange, NodeRecord, ZNode } from './znode';

/** Read access to a tree of znodes: the live tree or a pending view over it. */
export interface NodeReader {
  /** The node as it is now; a copy, which changes to the tree do not alter. */
  get(path: string): ZNode | undefined;
  /** Paths of the ephemeral nodes a session owns. */
  ephemeralsOf(sessionId: bigint): Iterable<string>;
}

/** Write access used by `applyTxn`; the tree keeps each node's children itself. */
export interface NodeWriter extends NodeReader {
  /** Adds a node, without children, below its parent, which must exist. */
  create(node: NodeRecord): void;
  /** Changes fields of a node, which must exist. */
  update(path: string, change: NodeChange): void;
  /** Removes a node, which must have no children. */
  remove(path: string): void;
}

/** Which sessions are open: the session table, or a pending view over it. */
export interface SessionReader {
  isOpen(sessionId: bigint): boolean;
}

export interface SessionWriter extends SessionReader {
  opened(id: bigint, password: Buffer, timeoutMs: number): void;
  closed(id: bigint): void;
}
