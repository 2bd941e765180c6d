import { Module } from '@nestjs/common';
import { RecipeSupportModule } from '../common/recipe-support.module';
import { ElectionController } from './election.controller';
import { ElectionService } from './election.service';
import { ElectionGateway } from './election.gateway';

/** Cluster membership and master election. */
@Module({
  imports: [RecipeSupportModule],
  providers: [ElectionService, ElectionGateway],
  controllers: [ElectionController],
  exports: [ElectionService],
})
export class ElectionModule {}
