import type { NodeReader, NodeWriter, SessionReader, SessionWriter } from './node-store';
import { parentOf } from './path';
import type { SessionRecord } from './session-record';
import type { NodeChange, NodeRecord, ZNode } from './znode';

function record(node: ZNode): NodeRecord {
  const { numChildren: _numChildren, ...rest } = node;
  return rest;
}

/**
 * The tree and sessions as they will be once the transactions validated so far commit.
 * Changed nodes are kept here, so the base stays untouched until the batch is durable;
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

  create(node: NodeRecord): void {
    this.nodes.set(node.path, { ...node, numChildren: 0 });
    this.countChild(parentOf(node.path), 1);
  }

  update(path: string, change: NodeChange): void {
    const node = this.get(path);
    if (!node) throw new Error(`no node ${path} to update`);
    this.nodes.set(path, { ...node, ...change });
  }

  remove(path: string): void {
    this.nodes.set(path, null);
    this.countChild(parentOf(path), -1);
  }

  private countChild(parentPath: string, delta: number): void {
    const parent = this.get(parentPath);
    if (parent) this.nodes.set(parentPath, { ...parent, numChildren: parent.numChildren + delta });
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
