import type { ZNode } from './znode';

/** Read access to a tree of znodes: the live tree or a pending view over it. */
export interface NodeReader {
  get(path: string): ZNode | undefined;
  /** Paths of the ephemeral nodes a session owns. */
  ephemeralsOf(sessionId: bigint): Iterable<string>;
}

/** Write access used by `applyTxn`; views copy a node on first `mutable` access. */
export interface NodeWriter extends NodeReader {
  mutable(path: string): ZNode | undefined;
  put(node: ZNode): void;
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
