import type { NodeReader, NodeWriter, SessionReader, SessionWriter } from './node-store';
import type { SessionRecord } from './session-record';
import type { NodeRecord, ZNode } from './znode';

function copy(node: ZNode): ZNode {
  return { ...node, acl: node.acl.map((a) => ({ ...a })), children: new Set(node.children) };
}

function record(node: ZNode): NodeRecord {
  const { children: _children, ...rest } = node;
  return rest;
}

/**
 * The tree and sessions as they will be once the transactions validated so far commit.
 * Nodes are copied on first change, so the base stays untouched until the batch is durable;
 * a view over a view gives a multi its all-or-nothing scratch space.
 */
export class PendingView implements NodeWriter, SessionWriter {
  private readonly nodes = new Map<string, ZNode | null>();
  private readonly sessions = new Map<bigint, SessionRecord | null>();

  constructor(
    private readonly baseNodes: NodeReader,
    private readonly baseSessions: SessionReader,
  ) {}

  get(path: string): ZNode | undefined {
    const changed = this.nodes.get(path);
    if (changed !== undefined) return changed ?? undefined;
    return this.baseNodes.get(path);
  }

  mutable(path: string): ZNode | undefined {
    const changed = this.nodes.get(path);
    if (changed !== undefined) return changed ?? undefined;
    const base = this.baseNodes.get(path);
    if (!base) return undefined;
    const own = copy(base);
    this.nodes.set(path, own);
    return own;
  }

  put(node: ZNode): void {
    this.nodes.set(node.path, node);
  }

  remove(path: string): void {
    this.nodes.set(path, null);
  }

  *ephemeralsOf(sessionId: bigint): Iterable<string> {
    for (const path of this.baseNodes.ephemeralsOf(sessionId)) {
      if (!this.nodes.has(path) && this.baseNodes.get(path)) yield path;
    }
    for (const [path, node] of this.nodes) {
      if (node?.kind === 'ephemeral' && node.ephemeralOwner === sessionId) yield path;
    }
  }

  isOpen(sessionId: bigint): boolean {
    const changed = this.sessions.get(sessionId);
    if (changed !== undefined) return changed !== null;
    return this.baseSessions.isOpen(sessionId);
  }

  opened(id: bigint, password: Buffer, timeoutMs: number): void {
    this.sessions.set(id, { id, password, timeoutMs });
  }

  closed(id: bigint): void {
    this.sessions.set(id, null);
  }

  /** Folds a nested view's changes into this one (a multi that validated). */
  absorb(inner: PendingView): void {
    for (const [path, node] of inner.nodes) this.nodes.set(path, node);
    for (const [id, session] of inner.sessions) this.sessions.set(id, session);
  }

  /** The rows the batch leaves behind. */
  changes(): {
    upsertNodes: NodeRecord[];
    deletePaths: string[];
    openSessions: SessionRecord[];
    closeSessions: bigint[];
  } {
    const upsertNodes: NodeRecord[] = [];
    const deletePaths: string[] = [];
    for (const [path, node] of this.nodes) {
      if (node) upsertNodes.push(record(node));
      else deletePaths.push(path);
    }
    const openSessions: SessionRecord[] = [];
    const closeSessions: bigint[] = [];
    for (const [id, session] of this.sessions) {
      if (session) openSessions.push(session);
      else closeSessions.push(id);
    }
    return { upsertNodes, deletePaths, openSessions, closeSessions };
  }
}
