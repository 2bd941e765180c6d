import { Module } from '@nestjs/common';
import { RecipeSupportModule } from '../common/recipe-support.module';
import { RegistryModule } from '../registry/registry.module';
import { BalancerController } from './balancer.controller';
import { BalancerService } from './balancer.service';
import { ConsumerGroupController } from './consumer-group.controller';
import { ConsumerGroupService } from './consumer-group.service';
import { PartitionsController } from './partitions.controller';
import { PartitionsService } from './partitions.service';
import { LoadBalancerGateway } from './load-balancer.gateway';

/** Picking instances, producer partitions and consumer-group rebalancing. */
@Module({
  imports: [RecipeSupportModule, RegistryModule],
  providers: [BalancerService, PartitionsService, ConsumerGroupService, LoadBalancerGateway],
  controllers: [BalancerController, PartitionsController, ConsumerGroupController],
  exports: [BalancerService, PartitionsService, ConsumerGroupService],
})
export class LoadBalancerModule {}
