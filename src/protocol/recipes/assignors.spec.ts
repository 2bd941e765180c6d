import { rangeAssign, roundRobinAssign } from './assignors';
import { partitionId, type Partition } from './partition';

const parts = (topic: string, brokers: Record<string, number>): Partition[] =>
  Object.entries(brokers).flatMap(([brokerId, n]) =>
    Array.from({ length: n }, (_, partition) => ({
      topic,
      brokerId,
      partition,
      id: partitionId({ brokerId, partition }),
    })),
  );

describe('assignors', () => {
  const members = [
    { id: 'c2', topics: ['t'] },
    { id: 'c1', topics: ['t'] },
    { id: 'c3', topics: ['t'] },
  ];
  const partitions = parts('t', { '10': 2, '2': 3, '1': 2 });

  it('range gives consecutive runs, by broker id then partition, the first members one more', () => {
    expect(Object.fromEntries(rangeAssign(members, partitions))).toEqual({
      c1: ['t/1-0', 't/1-1', 't/2-0'],
      c2: ['t/2-1', 't/2-2'],
      c3: ['t/10-0', 't/10-1'],
    });
  });

  it('round-robin deals partitions in turn', () => {
    expect(Object.fromEntries(roundRobinAssign(members, partitions))).toEqual({
      c1: ['t/1-0', 't/2-1', 't/10-1'],
      c2: ['t/1-1', 't/2-2'],
      c3: ['t/2-0', 't/10-0'],
    });
  });

  it('assigns every partition exactly once, whatever the members', () => {
    for (const fn of [rangeAssign, roundRobinAssign]) {
      for (let n = 1; n <= 9; n++) {
        const ms = Array.from({ length: n }, (_, i) => ({ id: `m${i}`, topics: ['t'] }));
        const all = [...fn(ms, partitions).values()].flat().sort();
        expect(all).toEqual(partitions.map((p) => `t/${p.brokerId}-${p.partition}`).sort());
      }
    }
  });
});
