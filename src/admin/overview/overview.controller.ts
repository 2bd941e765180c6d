import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { Coordinator } from '../../core/coordinator';
import type { Settings } from '../../server/settings';
import { SETTINGS } from '../../server/tokens';
import {
  ZOOKEEPER_COMPAT_VERSION,
  ZOONEST_VERSION,
} from '../../transports/zookeeper/server-version';
import type { OverviewJson, StatsSample } from '../admin-api-types';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { optionalInt } from '../query-fields';
import { publicSettings } from './public-settings';
import { StatsSampler } from './stats-sampler';

/** The overview: what the server is, how it is set up, and its figures over the last minutes. */
@ApiTags('admin')
@ApiCookieAuth()
@UseGuards(AdminAuthGuard)
@Controller('api/v1/admin')
export class OverviewController {
  private readonly startedAt = Date.now();

  constructor(
    private readonly zk: Coordinator,
    private readonly sampler: StatsSampler,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get('overview')
  overview(): OverviewJson {
    return {
      version: ZOONEST_VERSION,
      zookeeperVersion: ZOOKEEPER_COMPAT_VERSION,
      nodeVersion: process.version,
      database: this.settings.dbUrl ? 'postgresql' : 'sqlite',
      startedAt: this.startedAt,
      lastZxid: this.zk.lastZxid,
      counts: this.zk.counts,
      settings: publicSettings(this.settings),
    };
  }

  /** One sample a second for the last ten minutes; `since` (a sample's `at`) for the newer ones. */
  @Get('stats')
  stats(@Query('since') since?: string): StatsSample[] {
    return this.sampler.samples(optionalInt(since, 'since'));
  }
}
