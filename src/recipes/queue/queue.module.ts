import { Module } from '@nestjs/common';
import { RecipeSupportModule } from '../common/recipe-support.module';
import { QueueController } from './queue.controller';
import { QueueService } from './queue.service';
import { QueueGateway } from './queue.gateway';

/** The distributed FIFO queue. */
@Module({
  imports: [RecipeSupportModule],
  providers: [QueueService, QueueGateway],
  controllers: [QueueController],
  exports: [QueueService],
})
export class QueueModule {}
