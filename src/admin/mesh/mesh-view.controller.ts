import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { MeshSource } from '../../xds/mesh-source';
import { RESOURCE_TYPES, shortTypeName } from '../../xds/type-urls';
import { XdsClients } from '../../xds/xds-clients';
import { XdsServer } from '../../xds/xds-server';
import type { MeshJson } from '../admin-api-types';
import { AdminAuthGuard } from '../auth/admin-auth.guard';

/** The service mesh view: connected xDS clients, what each ACKed or NACKed, and what is served. */
@ApiTags('admin')
@ApiCookieAuth()
@UseGuards(AdminAuthGuard)
@Controller('api/v1/admin/mesh')
export class MeshViewController {
  constructor(
    private readonly server: XdsServer,
    private readonly source: MeshSource,
    private readonly clients: XdsClients,
  ) {}

  @Get()
  mesh(): MeshJson {
    const snapshot = this.source.snapshot;
    return {
      enabled: this.server.port > 0,
      port: this.server.port,
      resources: Object.fromEntries(
        RESOURCE_TYPES.map((t) => [shortTypeName(t), snapshot.names(t).length]),
      ),
      clients: this.clients.list(),
      problems: this.source.problems,
    };
  }
}
