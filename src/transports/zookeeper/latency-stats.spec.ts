import { LatencyStats } from './latency-stats';

describe('LatencyStats', () => {
  it('keeps min, max, last and the average', () => {
    const s = new LatencyStats();
    expect([s.min, s.avg, s.max]).toEqual([0, 0, 0]);
    for (const ms of [4, 1, 7]) s.record(ms);
    expect([s.min, s.avg, s.max, s.last]).toEqual([1, 4, 7, 7]);
  });
});
