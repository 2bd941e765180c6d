import type { Acl } from './acl';

function keyOf(acl: readonly Acl[]): string {
  return acl.map((a) => `${a.perms}:${a.scheme}:${a.id}`).join('\n');
}

/**
 * Every distinct ACL list once: nodes hold a small index instead of their own copy (most trees
 * use one or two lists). Lists are frozen, since every node with the same ACL shares one.
 */
export class AclTable {
  private readonly lists: Array<readonly Acl[] | undefined> = [];
  private readonly refs: number[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly free: number[] = [];

  /** Distinct lists in use. */
  get size(): number {
    return this.byKey.size;
  }

  /** The index of this list, taking a reference to it. */
  acquire(acl: readonly Acl[]): number {
    const key = keyOf(acl);
    const known = this.byKey.get(key);
    if (known !== undefined) {
      this.refs[known] = (this.refs[known] as number) + 1;
      return known;
    }
    const frozen = Object.freeze(acl.map((a) => Object.freeze({ ...a })));
    const index = this.free.pop() ?? this.lists.length;
    this.lists[index] = frozen;
    this.refs[index] = 1;
    this.byKey.set(key, index);
    return index;
  }

  /** Drops a reference; a list nobody refers to is forgotten. */
  release(index: number): void {
    const refs = (this.refs[index] as number) - 1;
    this.refs[index] = refs;
    if (refs > 0) return;
    const list = this.lists[index] as readonly Acl[];
    this.byKey.delete(keyOf(list));
    this.lists[index] = undefined;
    this.free.push(index);
  }

  get(index: number): Acl[] {
    const list = this.lists[index];
    if (!list) throw new Error(`no ACL list ${index}`);
    // Frozen: a caller that tried to change the shared list would throw instead.
    return list as Acl[];
  }
}
