import { Module } from '@nestjs/common';
import { ConfigCenterModule } from '../recipes/config/config-center.module';
import { RegistryModule } from '../recipes/registry/registry.module';
import { MeshSource } from './mesh-source';
import { XdsClients } from './xds-clients';
import { XdsServer } from './xds-server';

/** The service-mesh control plane: xDS for Envoy and proxyless gRPC, from registry and config. */
@Module({
  imports: [RegistryModule, ConfigCenterModule],
  providers: [MeshSource, XdsClients, XdsServer],
  exports: [MeshSource, XdsClients, XdsServer],
})
export class XdsModule {}
