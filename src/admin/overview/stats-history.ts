/** The figures read from the server at one moment; totals only ever grow. */
export interface StatsReading {
  at: number;
  znodes: number;
  sessions: number;
  watches: number;
  ephemerals: number;
  lastZxid: number;
  requestsTotal: number;
  commitsTotal: number;
  commitSecondsTotal: number;
}

/** One point of the overview charts. */
export interface StatsSample {
  at: number;
  znodes: number;
  sessions: number;
  watches: number;
  ephemerals: number;
  lastZxid: number;
  requestsPerSec: number;
  commitsPerSec: number;
  /** Mean time to make a batch durable since the previous sample; null when none committed. */
  commitLatencyMs: number | null;
}

/** The last `capacity` samples, each turning two successive readings into rates. */
export class StatsHistory {
  private readonly samples: StatsSample[] = [];
  private previous: StatsReading | undefined;

  constructor(private readonly capacity: number) {}

  add(reading: StatsReading): StatsSample {
    const prev = this.previous;
    this.previous = reading;
    const seconds = prev ? Math.max((reading.at - prev.at) / 1000, 0.001) : 1;
    const commits = prev ? reading.commitsTotal - prev.commitsTotal : 0;
    const sample: StatsSample = {
      at: reading.at,
      znodes: reading.znodes,
      sessions: reading.sessions,
      watches: reading.watches,
      ephemerals: reading.ephemerals,
      lastZxid: reading.lastZxid,
      requestsPerSec: prev ? round((reading.requestsTotal - prev.requestsTotal) / seconds) : 0,
      commitsPerSec: round(commits / seconds),
      commitLatencyMs:
        prev && commits > 0
          ? round(((reading.commitSecondsTotal - prev.commitSecondsTotal) / commits) * 1000)
          : null,
    };
    this.samples.push(sample);
    if (this.samples.length > this.capacity) this.samples.shift();
    return sample;
  }

  /** Samples taken after `at` (all of them without it), oldest first. */
  since(at?: number): StatsSample[] {
    return at === undefined ? [...this.samples] : this.samples.filter((s) => s.at > at);
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
