import { ConsistentHashRing } from './consistent-hash-ring';
import { leastOutstanding, smoothWeighted } from './pick-strategy';

describe('pick strategies', () => {
  it('smooth weighted round-robin follows the weights and interleaves', () => {
    const instances = [
      { id: 'a', weight: 5 },
      { id: 'b', weight: 1 },
      { id: 'c', weight: 1 },
    ];
    const state = new Map<string, number>();
    const picks = Array.from({ length: 7 }, () => smoothWeighted(instances, state)?.id).join('');
    expect(picks).toBe('aabacaa');
  });

  it('least-outstanding prefers idle instances', () => {
    const load: Record<string, number> = { a: 2, b: 0, c: 0 };
    const instances = ['a', 'b', 'c'].map((id) => ({ id, weight: 1 }));
    expect([0, 1].map((t) => leastOutstanding(instances, (id) => load[id] ?? 0, t)?.id)).toEqual([
      'b',
      'c',
    ]);
  });

  it('consistent hashing moves few keys when an instance goes', () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `user-${i}`);
    const before = new ConsistentHashRing(['a', 'b', 'c', 'd']);
    const after = new ConsistentHashRing(['a', 'b', 'c']);
    const moved = keys.filter((k) => before.pick(k) !== 'd' && before.pick(k) !== after.pick(k));
    expect(moved).toEqual([]);
    expect(new Set(keys.map((k) => before.pick(k)))).toEqual(new Set(['a', 'b', 'c', 'd']));
  });
});
