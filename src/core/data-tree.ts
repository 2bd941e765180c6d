import { OPEN_ACL_UNSAFE } from './acl';
import { AclTable } from './acl-table';
import { DataSlabs } from './data-slabs';
import type { NodeWriter } from './node-store';
import { Int, NodeTable, Num } from './node-table';
import { parentOf } from './path';
import type { NodeChange, NodeKind, NodeRecord, ZNode } from './znode';

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

const KINDS: readonly NodeKind[] = ['persistent', 'ephemeral', 'container', 'ttl'];
const ROOT = 0;
const NONE = -1;
const INITIAL_CAPACITY = 1024;

/**
 * The in-memory tree every read is served from, with indexes for sessions and reaping. Nodes
 * live in columns by id (NodeTable, DataSlabs, interned ACLs) rather than as objects; `get`
 * hands out a copy. Children are linked lists through their parent, so a leaf costs nothing
 * for children it does not have.
 */
export class DataTree implements NodeWriter {
  private readonly ids = new Map<string, number>();
  private paths: Array<string | undefined> = [];
  private readonly data = new DataSlabs(INITIAL_CAPACITY);
  private readonly acls = new AclTable();
  private readonly table = new NodeTable(INITIAL_CAPACITY, (capacity) => this.data.grow(capacity));
  /** Only for the few nodes that have them. */
  private readonly ttls = new Map<number, number>();
  private readonly owners = new Map<number, bigint>();
  private readonly ephemerals = new Map<bigint, Set<string>>();
  /** Containers and TTL nodes: the candidates for reaping. */
  private readonly reapable = new Set<string>();
  /** Nodes loaded before their parent, linked by `loaded`. */
  private orphans: number[] = [];

  constructor() {
    this.insert(rootRecord());
  }

  /** A tree of these records, in any order. */
  static of(records: Iterable<NodeRecord>): DataTree {
    const tree = new DataTree();
    for (const record of records) tree.load(record);
    tree.loaded();
    return tree;
  }

  /** Adds a stored node while the tree is built; its parent may come later. Ends with `loaded`. */
  load(record: NodeRecord): void {
    if (record.path === '/') {
      this.write(ROOT, record);
      this.update('/', { acl: record.acl });
      return;
    }
    const id = this.insert(record);
    const parent = this.ids.get(parentOf(record.path));
    if (parent === undefined) this.orphans.push(id);
    else this.link(parent, id);
  }

  /** Links the nodes loaded before their parents; fails when a parent never came. */
  loaded(): void {
    for (const id of this.orphans) {
      const path = this.paths[id] as string;
      const parent = this.ids.get(parentOf(path));
      if (parent === undefined) throw new Error(`stored node ${path} has no parent`);
      this.link(parent, id);
    }
    this.orphans = [];
  }

  get size(): number {
    return this.ids.size;
  }

  get(path: string): ZNode | undefined {
    const id = this.ids.get(path);
    return id === undefined ? undefined : this.nodeAt(id, path);
  }

  /** Names of the node's children, in no particular order. */
  childrenOf(path: string): string[] {
    const id = this.ids.get(path);
    const names: string[] = [];
    if (id === undefined) return names;
    const skip = path === '/' ? 1 : path.length + 1;
    for (let c = this.table.int(id, Int.firstChild); c !== NONE;) {
      names.push((this.paths[c] as string).slice(skip));
      c = this.table.int(c, Int.nextSibling);
    }
    return names;
  }

  create(record: NodeRecord): void {
    if (this.ids.has(record.path)) throw new Error(`${record.path} exists already`);
    const parent = this.ids.get(parentOf(record.path));
    if (parent === undefined) throw new Error(`no parent for ${record.path}`);
    this.link(parent, this.insert(record));
  }

  update(path: string, change: NodeChange): void {
    const id = this.ids.get(path);
    if (id === undefined) throw new Error(`no node ${path} to update`);
    const t = this.table;
    if (change.data !== undefined) this.data.set(id, change.data);
    if (change.acl !== undefined) {
      const acl = this.acls.acquire(change.acl);
      this.acls.release(t.int(id, Int.acl));
      t.setInt(id, Int.acl, acl);
    }
    if (change.version !== undefined) t.setInt(id, Int.version, change.version);
    if (change.cversion !== undefined) t.setInt(id, Int.cversion, change.cversion);
    if (change.aversion !== undefined) t.setInt(id, Int.aversion, change.aversion);
    if (change.mzxid !== undefined) t.setNum(id, Num.mzxid, change.mzxid);
    if (change.mtime !== undefined) t.setNum(id, Num.mtime, change.mtime);
    if (change.pzxid !== undefined) t.setNum(id, Num.pzxid, change.pzxid);
  }

  remove(path: string): void {
    const id = this.ids.get(path);
    if (id === undefined || id === ROOT) return;
    const t = this.table;
    if (t.int(id, Int.numChildren) > 0) throw new Error(`${path} still has children`);
    this.unlink(id);
    this.ids.delete(path);
    this.paths[id] = undefined;
    this.data.clear(id);
    this.acls.release(t.int(id, Int.acl));
    this.ttls.delete(id);
    this.reapable.delete(path);
    const owner = this.owners.get(id);
    if (owner !== undefined) {
      this.owners.delete(id);
      const owned = this.ephemerals.get(owner);
      owned?.delete(path);
      if (owned?.size === 0) this.ephemerals.delete(owner);
    }
    t.release(id);
  }

  ephemeralsOf(sessionId: bigint): Iterable<string> {
    return this.ephemerals.get(sessionId) ?? [];
  }

  ephemeralCount(): number {
    return this.owners.size;
  }

  /** Path and data bytes over the whole tree, as ZooKeeper's approximate_data_size. */
  approximateDataSize(): number {
    let size = this.data.bytes;
    for (const path of this.ids.keys()) size += path.length;
    return size;
  }

  /** Containers emptied of the children they once had, and TTL nodes unchanged for their TTL. */
  dueForReaping(now: number): string[] {
    const t = this.table;
    return [...this.reapable].filter((path) => {
      const id = this.ids.get(path);
      if (id === undefined || t.int(id, Int.numChildren) > 0) return false;
      if (KINDS[t.int(id, Int.kind)] === 'container') return t.int(id, Int.cversion) > 0;
      return now - t.num(id, Num.mtime) >= (this.ttls.get(id) ?? 0);
    });
  }

  /** Number of nodes below `path`, not counting itself. */
  descendantCount(path: string): number {
    const id = this.ids.get(path);
    return id === undefined ? 0 : this.subtreeIds(id).length - 1;
  }

  /** Paths of `path` and everything below it, deepest first (the order a subtree is deleted in). */
  subtreeBottomUp(path: string): string[] {
    const id = this.ids.get(path);
    if (id === undefined) return [];
    // Parents come before their children in subtreeIds, so reversed every child precedes its parent.
    return this.subtreeIds(id)
      .reverse()
      .map((n) => this.paths[n] as string);
  }

  /** Ids of a subtree, each parent before its children. */
  private subtreeIds(id: number): number[] {
    const out = [id];
    for (let i = 0; i < out.length; i++) {
      const parent = out[i] as number;
      for (let c = this.table.int(parent, Int.firstChild); c !== NONE;) {
        out.push(c);
        c = this.table.int(c, Int.nextSibling);
      }
    }
    return out;
  }

  private nodeAt(id: number, path: string): ZNode {
    const t = this.table;
    return {
      path,
      data: this.data.get(id),
      acl: this.acls.get(t.int(id, Int.acl)),
      kind: KINDS[t.int(id, Int.kind)] as NodeKind,
      ttlMs: this.ttls.get(id) ?? 0,
      ephemeralOwner: this.owners.get(id) ?? 0n,
      czxid: t.num(id, Num.czxid),
      mzxid: t.num(id, Num.mzxid),
      pzxid: t.num(id, Num.pzxid),
      ctime: t.num(id, Num.ctime),
      mtime: t.num(id, Num.mtime),
      version: t.int(id, Int.version),
      cversion: t.int(id, Int.cversion),
      aversion: t.int(id, Int.aversion),
      numChildren: t.int(id, Int.numChildren),
    };
  }

  /** A new, unlinked node holding the record. */
  private insert(record: NodeRecord): number {
    const id = this.table.allocate();
    if (id >= this.paths.length) this.paths.length = this.table.capacity;
    this.paths[id] = record.path;
    this.ids.set(record.path, id);
    this.table.setInt(id, Int.acl, this.acls.acquire(record.acl));
    this.write(id, record);
    if (record.kind === 'ephemeral') {
      this.owners.set(id, record.ephemeralOwner);
      let owned = this.ephemerals.get(record.ephemeralOwner);
      if (!owned) this.ephemerals.set(record.ephemeralOwner, (owned = new Set()));
      owned.add(record.path);
    } else if (record.kind === 'container' || record.kind === 'ttl') {
      this.reapable.add(record.path);
    }
    if (record.ttlMs > 0) this.ttls.set(id, record.ttlMs);
    return id;
  }

  /** The record's own fields (not its links, owner or ACL). */
  private write(id: number, record: NodeRecord): void {
    const t = this.table;
    this.data.set(id, record.data);
    t.setInt(id, Int.kind, KINDS.indexOf(record.kind));
    t.setInt(id, Int.version, record.version);
    t.setInt(id, Int.cversion, record.cversion);
    t.setInt(id, Int.aversion, record.aversion);
    t.setNum(id, Num.czxid, record.czxid);
    t.setNum(id, Num.mzxid, record.mzxid);
    t.setNum(id, Num.pzxid, record.pzxid);
    t.setNum(id, Num.ctime, record.ctime);
    t.setNum(id, Num.mtime, record.mtime);
  }

  private link(parent: number, id: number): void {
    const t = this.table;
    const first = t.int(parent, Int.firstChild);
    t.setInt(id, Int.parent, parent);
    t.setInt(id, Int.nextSibling, first);
    if (first !== NONE) t.setInt(first, Int.previousSibling, id);
    t.setInt(parent, Int.firstChild, id);
    t.setInt(parent, Int.numChildren, t.int(parent, Int.numChildren) + 1);
  }

  private unlink(id: number): void {
    const t = this.table;
    const parent = t.int(id, Int.parent);
    const previous = t.int(id, Int.previousSibling);
    const next = t.int(id, Int.nextSibling);
    if (previous === NONE) t.setInt(parent, Int.firstChild, next);
    else t.setInt(previous, Int.nextSibling, next);
    if (next !== NONE) t.setInt(next, Int.previousSibling, previous);
    t.setInt(parent, Int.numChildren, t.int(parent, Int.numChildren) - 1);
  }
}
