import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { adminContext } from '../admin-context';
import { CurrentActor, type Actor } from '../auth/actor';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import type { CoordinationJson } from '../admin-api-types';
import { CoordinationOverview } from './coordination-overview';

/** The coordination view: elections, locks, semaphores, queues and consumer groups. */
@ApiTags('admin')
@ApiCookieAuth()
@UseGuards(AdminAuthGuard)
@Controller('api/v1/admin/coordination')
export class CoordinationViewController {
  constructor(private readonly overview: CoordinationOverview) {}

  @Get()
  read(@CurrentActor() actor: Actor): Promise<CoordinationJson> {
    return this.overview.read(adminContext(actor));
  }
}
