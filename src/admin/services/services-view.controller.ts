import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { ZkCode } from '../../core/zk-code';
import { hasCode } from '../../recipes/common/znode-ops';
import { RegistryService } from '../../recipes/registry/registry.service';
import { adminContext } from '../admin-context';
import type { ServiceJson } from '../admin-api-types';
import { CurrentActor, type Actor } from '../auth/actor';
import { AdminAuthGuard } from '../auth/admin-auth.guard';

/** The services view: every registered service with its live providers and consumers. */
@ApiTags('admin')
@ApiCookieAuth()
@UseGuards(AdminAuthGuard)
@Controller('api/v1/admin/services')
export class ServicesViewController {
  constructor(private readonly registry: RegistryService) {}

  @Get()
  async list(@CurrentActor() actor: Actor): Promise<ServiceJson[]> {
    const ctx = adminContext(actor);
    const names = await this.registry.services(ctx);
    const services = await Promise.all(
      names.map(async (service): Promise<ServiceJson | null> => {
        try {
          const [providers, consumers] = await Promise.all([
            this.registry.instances(ctx, service, 'providers'),
            this.registry.instances(ctx, service, 'consumers'),
          ]);
          return { service, providers: providers.value, consumers: consumers.value };
        } catch (err) {
          // Removed while we looked, or a name the registry does not accept.
          if (hasCode(err, ZkCode.NoNode, ZkCode.BadArguments)) return null;
          throw err;
        }
      }),
    );
    return services.filter((s): s is ServiceJson => s !== null);
  }
}
