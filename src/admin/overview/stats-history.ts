import type { StatsFigures, StatsSample } from '../admin-api-types';

/** The figures read from the server at one moment, with totals that only ever grow. */
export interface StatsReading extends StatsFigures {
  requestsTotal: number;
  commitsTotal: number;
  commitSecondsTotal: number;
}

/** The last `capacity` samples, each turning two successive readings into rates. */
export class StatsHistory {
  private readonly samples: StatsSample[] = [];
  private previous: StatsReading | undefined;

  constructor(private readonly capacity: number) {}

  add(reading: StatsReading): StatsSample {
    const prev = this.previous;
    this.previous = reading;
    const { requestsTotal, commitsTotal, commitSecondsTotal, ...figures } = reading;
    const seconds = prev ? Math.max((reading.at - prev.at) / 1000, 0.001) : 1;
    const commits = prev ? commitsTotal - prev.commitsTotal : 0;
    const sample: StatsSample = {
      ...figures,
      requestsPerSec: prev ? round((requestsTotal - prev.requestsTotal) / seconds) : 0,
      commitsPerSec: round(commits / seconds),
      commitLatencyMs:
        prev && commits > 0
          ? round(((commitSecondsTotal - prev.commitSecondsTotal) / commits) * 1000)
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
