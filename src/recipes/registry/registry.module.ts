import { Module } from '@nestjs/common';
import { RecipeSupportModule } from '../common/recipe-support.module';
import { RegistryController } from './registry.controller';
import { RegistryService } from './registry.service';
import { RegistryGateway } from './registry.gateway';

/** The naming service: registration, discovery and heartbeats through ephemeral nodes. */
@Module({
  imports: [RecipeSupportModule],
  providers: [RegistryService, RegistryGateway],
  controllers: [RegistryController],
  exports: [RegistryService],
})
export class RegistryModule {}
