import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { optionalInt } from '../query-fields';
import type { AuditEntryJson } from '../admin-api-types';
import { AuditService } from './audit.service';

/** The audit log, newest first; page with `before` (the last id seen). */
@ApiTags('admin')
@ApiCookieAuth()
@UseGuards(AdminAuthGuard)
@Controller('api/v1/admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(
    @Query('limit') limit?: string,
    @Query('before') before?: string,
    @Query('action') action?: string,
    @Query('actor') actor?: string,
  ): Promise<AuditEntryJson[]> {
    return this.audit.list({
      limit: optionalInt(limit, 'limit'),
      beforeId: optionalInt(before, 'before'),
      action: action || undefined,
      actor: actor || undefined,
    });
  }
}
