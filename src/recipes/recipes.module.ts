import { Module } from '@nestjs/common';
import { BarrierModule } from './barrier/barrier.module';
import { ConfigCenterModule } from './config/config-center.module';
import { ElectionModule } from './election/election.module';
import { LoadBalancerModule } from './load-balancer/load-balancer.module';
import { LockModule } from './lock/lock.module';
import { QueueModule } from './queue/queue.module';
import { RegistryModule } from './registry/registry.module';

const RECIPES = [
  RegistryModule,
  ConfigCenterModule,
  LoadBalancerModule,
  ElectionModule,
  LockModule,
  BarrierModule,
  QueueModule,
];

/**
 * Every recipe: registry, config center, load balancer, election, locks, barriers and queue; their
 * services are exported for the dashboard.
 */
@Module({ imports: RECIPES, exports: RECIPES })
export class RecipesModule {}
