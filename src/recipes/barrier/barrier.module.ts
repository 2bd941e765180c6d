import { Module } from '@nestjs/common';
import { RecipeSupportModule } from '../common/recipe-support.module';
import { BarrierController } from './barrier.controller';
import { BarrierService } from './barrier.service';
import { CounterController } from './counter.controller';
import { CounterService } from './counter.service';
import { DoubleBarrierService } from './double-barrier.service';
import { BarrierGateway } from './barrier.gateway';

/** Barriers, double barriers and distributed atomic counters. */
@Module({
  imports: [RecipeSupportModule],
  providers: [BarrierService, DoubleBarrierService, CounterService, BarrierGateway],
  controllers: [BarrierController, CounterController],
  exports: [BarrierService, DoubleBarrierService, CounterService],
})
export class BarrierModule {}
