import { Module } from '@nestjs/common';
import { RecipeSupportModule } from '../common/recipe-support.module';
import { ConfigCenterController } from './config-center.controller';
import { ConfigCenterService } from './config-center.service';
import { ConfigCenterGateway } from './config-center.gateway';

/** The configuration center: publish, subscribe, history, diff and rollback. */
@Module({
  imports: [RecipeSupportModule],
  providers: [ConfigCenterService, ConfigCenterGateway],
  controllers: [ConfigCenterController],
  exports: [ConfigCenterService],
})
export class ConfigCenterModule {}
