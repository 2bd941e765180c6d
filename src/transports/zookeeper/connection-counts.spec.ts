import { ConnectionCounts } from './connection-counts';

describe('ConnectionCounts', () => {
  it('counts each address on its own and forgets an address with none left', () => {
    const counts = new ConnectionCounts();
    counts.add('10.0.0.1');
    counts.add('10.0.0.1');
    counts.add('10.0.0.2');
    expect([counts.count('10.0.0.1'), counts.count('10.0.0.2')]).toEqual([2, 1]);
    counts.remove('10.0.0.1');
    counts.remove('10.0.0.2');
    expect([counts.count('10.0.0.1'), counts.count('10.0.0.2')]).toEqual([1, 0]);
    counts.remove('10.0.0.2');
    expect(counts.count('10.0.0.2')).toBe(0);
  });
});
