import { Perms } from './acl';
import { DataTree, rootRecord } from './data-tree';
import type { NodeRecord } from './znode';

function node(path: string, change: Partial<NodeRecord> = {}): NodeRecord {
  return {
    ...rootRecord(),
    path,
    data: Buffer.from(path),
    czxid: 1,
    mzxid: 1,
    pzxid: 1,
    ...change,
  };
}

function tree(...paths: string[]): DataTree {
  const t = new DataTree();
  for (const path of paths) t.create(node(path));
  return t;
}

describe('DataTree', () => {
  it('holds every field of a record and counts children', () => {
    const t = tree('/a');
    const record = node('/a/b', {
      data: Buffer.from('payload'),
      acl: [{ scheme: 'digest', id: 'u:h', perms: Perms.READ }],
      kind: 'ttl',
      ttlMs: 5000,
      czxid: 2 ** 40,
      mzxid: 7,
      pzxid: 8,
      ctime: 1_700_000_000_123,
      mtime: 1_700_000_000_456,
      version: 3,
      cversion: 4,
      aversion: 5,
    });
    t.create(record);
    expect(t.get('/a/b')).toEqual({ ...record, numChildren: 0 });
    expect(t.get('/a')?.numChildren).toBe(1);
    expect(t.get('/nope')).toBeUndefined();
  });

  it('applies a change to the fields it names only', () => {
    const t = tree('/a');
    t.update('/a', { data: Buffer.from('v2'), version: 1, mzxid: 9, mtime: 99 });
    expect(t.get('/a')).toMatchObject({ data: Buffer.from('v2'), version: 1, mzxid: 9, czxid: 1 });
    expect(() => t.update('/nope', { version: 1 })).toThrow('no node /nope');
  });

  it('hands out copies: changing one leaves the tree as it was', () => {
    const t = tree('/a');
    const copy = t.get('/a');
    if (!copy) throw new Error('missing');
    copy.version = 42;
    const before = copy.data;
    t.update('/a', { data: Buffer.from('new') });
    expect([t.get('/a')?.version, before.toString()]).toEqual([0, '/a']);
  });

  it('lists children by name and keeps the list right through removals', () => {
    const t = tree('/a', '/a/x', '/a/y', '/a/z', '/b');
    t.remove('/a/y');
    expect(t.childrenOf('/a').sort()).toEqual(['x', 'z']);
    expect(t.childrenOf('/').sort()).toEqual(['a', 'b']);
    expect([t.get('/a')?.numChildren, t.size]).toEqual([2, 5]);
    t.remove('/a/x');
    t.remove('/a/z');
    expect([t.childrenOf('/a'), t.get('/a')?.numChildren]).toEqual([[], 0]);
  });

  it('refuses to remove a node that has children, or to create one twice or without a parent', () => {
    const t = tree('/a', '/a/b');
    expect(() => t.remove('/a')).toThrow('still has children');
    expect(() => t.create(node('/a'))).toThrow('exists already');
    expect(() => t.create(node('/x/y'))).toThrow('no parent');
  });

  it('reuses the room of removed nodes for new ones, without mixing them up', () => {
    const t = tree('/a');
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2000; i++) t.create(node(`/a/n${i}`, { version: round }));
      for (let i = 0; i < 2000; i += 2) t.remove(`/a/n${i}`);
      for (let i = 1; i < 2000; i += 2) t.remove(`/a/n${i}`);
    }
    t.create(node('/a/last'));
    expect([t.size, t.childrenOf('/a'), t.get('/a/last')?.data.toString()]).toEqual([
      3,
      ['last'],
      '/a/last',
    ]);
  });

  it('builds from stored records in any order, children before their parents', () => {
    const records = [node('/a/b/c'), node('/a/b'), node('/', { cversion: 1 }), node('/a')];
    const t = DataTree.of(records);
    expect(t.subtreeBottomUp('/')).toEqual(['/a/b/c', '/a/b', '/a', '/']);
    expect([t.get('/')?.cversion, t.get('/a/b')?.numChildren]).toEqual([1, 1]);
    expect(() => DataTree.of([node('/lost/child')])).toThrow('/lost/child has no parent');
  });

  it('lists a subtree deepest first and counts what is below a node', () => {
    const t = tree('/a', '/a/b', '/a/b/c', '/a/d', '/e');
    const order = t.subtreeBottomUp('/a');
    expect(order.sort()).toEqual(['/a', '/a/b', '/a/b/c', '/a/d']);
    const bottomUp = t.subtreeBottomUp('/a');
    expect(bottomUp.indexOf('/a/b/c')).toBeLessThan(bottomUp.indexOf('/a/b'));
    expect(bottomUp.at(-1)).toBe('/a');
    expect([t.descendantCount('/a'), t.descendantCount('/'), t.descendantCount('/e')]).toEqual([
      3, 5, 0,
    ]);
  });

  it('indexes ephemerals by owner and forgets them when removed', () => {
    const t = tree('/s');
    t.create(node('/s/e1', { kind: 'ephemeral', ephemeralOwner: 7n }));
    t.create(node('/s/e2', { kind: 'ephemeral', ephemeralOwner: 7n }));
    t.create(node('/s/e3', { kind: 'ephemeral', ephemeralOwner: 8n }));
    t.remove('/s/e1');
    expect([[...t.ephemeralsOf(7n)], t.ephemeralCount(), t.get('/s/e2')?.ephemeralOwner]).toEqual([
      ['/s/e2'],
      2,
      7n,
    ]);
  });

  it('finds emptied containers and TTL nodes past their time', () => {
    const t = tree();
    t.create(node('/c', { kind: 'container' }));
    t.create(node('/fresh', { kind: 'container' }));
    t.create(node('/t', { kind: 'ttl', ttlMs: 100, mtime: 1000 }));
    t.update('/c', { cversion: 1 });
    expect(t.dueForReaping(1050)).toEqual(['/c']);
    expect(t.dueForReaping(1100).sort()).toEqual(['/c', '/t']);
  });

  it('adds up path and data bytes as ZooKeeper does for approximate_data_size', () => {
    const t = tree('/ab');
    t.update('/ab', { data: Buffer.from('12345') });
    expect(t.approximateDataSize()).toBe('/'.length + '/ab'.length + 5);
  });
});
