import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { Coordinator } from '../../core/coordinator';
import { MetricsService } from '../../ops/metrics.service';
import type { StatsSample } from '../admin-api-types';
import { StatsHistory, type StatsReading } from './stats-history';

const INTERVAL_MS = 1000;
/** Ten minutes of one-second samples. */
const CAPACITY = 600;

/** Samples the server's figures every second, for the overview charts. */
@Injectable()
export class StatsSampler implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(StatsSampler.name);
  private readonly history = new StatsHistory(CAPACITY);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly zk: Coordinator,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    const tick = () =>
      this.sample().catch((err: unknown) => this.log.warn(`stats sample failed: ${String(err)}`));
    this.timer = setInterval(() => void tick(), INTERVAL_MS);
    this.timer.unref();
    void tick();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  samples(since?: number): StatsSample[] {
    return this.history.since(since);
  }

  async sample(): Promise<StatsSample> {
    return this.history.add(await this.read());
  }

  private async read(): Promise<StatsReading> {
    const { registry } = this.metrics;
    const counts = this.zk.counts;
    return {
      at: Date.now(),
      znodes: counts.nodes,
      sessions: counts.sessions,
      watches: counts.watches,
      ephemerals: counts.ephemerals,
      lastZxid: this.zk.lastZxid,
      requestsTotal: await total(registry, 'zoonest_requests_total'),
      commitsTotal: await total(registry, 'zoonest_commit_seconds', 'zoonest_commit_seconds_count'),
      commitSecondsTotal: await total(
        registry,
        'zoonest_commit_seconds',
        'zoonest_commit_seconds_sum',
      ),
    };
  }
}

/** A metric's values added up over its labels (only `series` of a histogram's, when given). */
async function total(registry: Registry, metric: string, series?: string): Promise<number> {
  const found = registry.getSingleMetric(metric);
  if (!found) return 0;
  const { values } = await found.get();
  return values
    .filter((v) => series === undefined || (v as { metricName?: string }).metricName === series)
    .reduce((sum, v) => sum + v.value, 0);
}
