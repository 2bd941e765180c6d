import { OPEN_ACL_UNSAFE } from './acl';
import type { NodeWriter } from './node-store';
import type { NodeRecord, ZNode } from './znode';
import { childPath, nameOf, parentOf } from './path';

export function rootRecord(): NodeRecord {
  return {
    path: '/',
    data: Buffer.alloc(0),
    acl: [...OPEN_ACL_UNSAFE],
    kind: 'persistent',
    ttlMs: 0,
    ephemeralOwner: 0n,
    czxid: 0,
    mzxid: 0,
    pzxid: 0,
    ctime: 0,
    mtime: 0,
    version: 0,
    cversion: 0,
    aversion: 0,
  };
}

/** The in-memory tree every read is served from, with indexes for sessions and reaping. */
export class DataTree implements NodeWriter {
  private readonly nodes = new Map<string, ZNode>();
  private readonly ephemerals = new Map<bigint, Set<string>>();
  /** Containers and TTL nodes: the candidates for reaping. */
  private readonly reapable = new Set<string>();

  constructor(records: readonly NodeRecord[] = []) {
    const root = records.find((r) => r.path === '/') ?? rootRecord();
    this.put({ ...root, children: new Set() });
    const sorted = records.filter((r) => r.path !== '/').sort((a, b) => depth(a) - depth(b));
    for (const record of sorted) {
      this.put({ ...record, children: new Set() });
      this.nodes.get(parentOf(record.path))?.children.add(nameOf(record.path));
    }
  }

  get size(): number {
    return this.nodes.size;
  }

  get(path: string): ZNode | undefined {
    return this.nodes.get(path);
  }

  mutable(path: string): ZNode | undefined {
    return this.nodes.get(path);
  }

  put(node: ZNode): void {
    this.nodes.set(node.path, node);
    if (node.kind === 'ephemeral') {
      let owned = this.ephemerals.get(node.ephemeralOwner);
      if (!owned) this.ephemerals.set(node.ephemeralOwner, (owned = new Set()));
      owned.add(node.path);
    } else if (node.kind === 'container' || node.kind === 'ttl') {
      this.reapable.add(node.path);
    }
  }

  remove(path: string): void {
    const node = this.nodes.get(path);
    if (!node) return;
    this.nodes.delete(path);
    this.reapable.delete(path);
    if (node.kind === 'ephemeral') {
      const owned = this.ephemerals.get(node.ephemeralOwner);
      owned?.delete(path);
      if (owned?.size === 0) this.ephemerals.delete(node.ephemeralOwner);
    }
  }

  ephemeralsOf(sessionId: bigint): Iterable<string> {
    return this.ephemerals.get(sessionId) ?? [];
  }

  ephemeralCount(): number {
    let n = 0;
    for (const owned of this.ephemerals.values()) n += owned.size;
    return n;
  }

  /** Containers emptied of the children they once had, and TTL nodes unchanged for their TTL. */
  dueForReaping(now: number): string[] {
    return [...this.reapable].filter((path) => {
      const node = this.nodes.get(path);
      if (!node || node.children.size > 0) return false;
      return node.kind === 'container' ? node.cversion > 0 : now - node.mtime >= node.ttlMs;
    });
  }

  /** Number of nodes below `path`, not counting itself. */
  descendantCount(path: string): number {
    const node = this.nodes.get(path);
    if (!node) return 0;
    let count = 0;
    for (const name of node.children) count += 1 + this.descendantCount(childPath(path, name));
    return count;
  }

  /** Paths of `path` and everything below it, deepest first (the order a subtree is deleted in). */
  subtreeBottomUp(path: string): string[] {
    const out: string[] = [];
    const visit = (p: string): void => {
      const node = this.nodes.get(p);
      if (!node) return;
      for (const name of node.children) visit(childPath(p, name));
      out.push(p);
    };
    visit(path);
    return out;
  }
}

function depth(record: NodeRecord): number {
  let d = 0;
  for (const ch of record.path) if (ch === '/') d++;
  return d;
}
