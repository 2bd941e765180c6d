import { Controller, Delete, Get, HttpCode, Param, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { Coordinator } from '../../core/coordinator';
import { parseSessionId } from '../../transports/json/session-id';
import { AuditService } from '../audit/audit.service';
import { CurrentActor, type Actor } from '../auth/actor';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import type { SessionRow } from '../admin-api-types';
import { sessionRows } from './session-rows';

/** The sessions view: who is connected, how, and what they hold; an operator can end one. */
@ApiTags('admin')
@ApiCookieAuth()
@UseGuards(AdminAuthGuard)
@Controller('api/v1/admin/sessions')
export class SessionsViewController {
  constructor(
    private readonly zk: Coordinator,
    private readonly audit: AuditService,
  ) {}

  @Get()
  list(): SessionRow[] {
    return sessionRows(this.zk, Date.now());
  }

  @Delete(':id')
  @HttpCode(204)
  async close(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    const sessionId = parseSessionId(id);
    const ephemerals = this.zk.ephemeralPathsOf(sessionId).length;
    await this.audit.track(
      actor,
      'closeSession',
      `0x${sessionId.toString(16)}`,
      { ephemerals },
      () => this.zk.closeSession(sessionId),
    );
  }
}
