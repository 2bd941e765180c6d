import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import { Coordinator } from '../core/coordinator';
import { ReplicaService } from '../server/replica.service';

@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly zk: Coordinator,
    private readonly replica: ReplicaService,
    private readonly indicator: HealthIndicatorService,
  ) {}

  /** Liveness: the process runs and its tree is loaded. */
  @Get('healthz')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([
      async () => ({ coordinator: { status: 'up', zxid: this.zk.lastZxid } }),
    ]);
  }

  /** Readiness: the database answers, and a replica is linked to it and caught up with the log. */
  @Get('readyz')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      async () => {
        const check = this.indicator.check('replica');
        const status = this.replica.status();
        const reason = await this.replica.notReadyBecause();
        return reason ? check.down({ ...status, reason }) : check.up({ ...status });
      },
    ]);
  }
}
