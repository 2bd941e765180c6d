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
    const requests = await totals(registry, 'zoonest_requests_total');
    const commits = await totals(registry, 'zoonest_commit_seconds');
    return {
      at: Date.now(),
      znodes: counts.nodes,
      sessions: counts.sessions,
      watches: counts.watches,
      ephemerals: counts.ephemerals,
      lastZxid: this.zk.lastZxid,
      requestsTotal: requests.get('zoonest_requests_total') ?? 0,
      commitsTotal: commits.get('zoonest_commit_seconds_count') ?? 0,
      commitSecondsTotal: commits.get('zoonest_commit_seconds_sum') ?? 0,
    };
  }
}

/** A metric's values added up over its labels, per series (a histogram's _count, _sum...). */
async function totals(registry: Registry, metric: string): Promise<Map<string, number>> {
  const sums = new Map<string, number>();
  const found = registry.getSingleMetric(metric);
  if (!found) return sums;
  for (const v of (await found.get()).values) {
    const series = (v as { metricName?: string }).metricName ?? metric;
    sums.set(series, (sums.get(series) ?? 0) + v.value);
  }
  return sums;
}
