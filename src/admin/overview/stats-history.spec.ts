import { StatsHistory, type StatsReading } from './stats-history';

const reading = (at: number, over: Partial<StatsReading> = {}): StatsReading => ({
  at,
  znodes: 10,
  sessions: 2,
  watches: 3,
  ephemerals: 1,
  lastZxid: 50,
  requestsTotal: 0,
  commitsTotal: 0,
  commitSecondsTotal: 0,
  ...over,
});

describe('StatsHistory', () => {
  it('turns growing totals into rates and mean commit latency', () => {
    const history = new StatsHistory(10);
    history.add(reading(1000, { requestsTotal: 100, commitsTotal: 10, commitSecondsTotal: 0.01 }));
    const s = history.add(
      reading(3000, { requestsTotal: 300, commitsTotal: 14, commitSecondsTotal: 0.018 }),
    );
    expect([s.requestsPerSec, s.commitsPerSec, s.commitLatencyMs]).toEqual([100, 2, 2]);
  });

  it('has no latency for a second without commits', () => {
    const history = new StatsHistory(10);
    history.add(reading(1000));
    expect(history.add(reading(2000)).commitLatencyMs).toBeNull();
  });

  it('keeps only the newest samples and answers those after a time', () => {
    const history = new StatsHistory(3);
    for (let at = 1000; at <= 5000; at += 1000) history.add(reading(at));
    expect(history.since().map((s) => s.at)).toEqual([3000, 4000, 5000]);
    expect(history.since(4000).map((s) => s.at)).toEqual([5000]);
  });
});
