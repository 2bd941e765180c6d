import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Settings } from '../../server/settings';
import { SETTINGS } from '../../server/tokens';
import type { OpResultJson } from '../../protocol/wire/write-op-json';
import { RecipeCalls } from '../common/recipe-calls';
import { bodyFields, requiredInt, requiredString } from '../common/recipe-fields';
import { acquireOptions, guardedWriteJson, maxLeasesOf } from './lock-json';
import type { Acquired } from './lock-contenders';
import { SemaphoreService, type SemaphoreState } from './semaphore.service';

@ApiTags('locks')
@Controller('api/v1/semaphores')
export class SemaphoreController {
  constructor(
    private readonly semaphores: SemaphoreService,
    private readonly calls: RecipeCalls,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get(':name')
  @ApiOperation({ summary: 'Lease count, holders and waiters of a semaphore' })
  describe(@Req() req: Request, @Param('name') name: string): Promise<SemaphoreState> {
    return this.semaphores.describe(this.calls.context(req, false), name);
  }

  @Put(':name')
  @ApiOperation({
    summary: 'Store the number of leases (as a Curator SharedCount on the semaphore node)',
  })
  async setMaxLeases(
    @Req() req: Request,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<{ name: string; maxLeases: number }> {
    const maxLeases = requiredInt(bodyFields(body), 'maxLeases', 1, 0x7fffffff);
    await this.semaphores.setMaxLeases(this.calls.context(req, false), name, maxLeases);
    return { name, maxLeases };
  }

  @Post(':name/acquire')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acquire one lease for the session (long poll)' })
  acquire(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<Acquired> {
    const fields = bodyFields(body);
    const maxLeases = maxLeasesOf(fields);
    return this.calls.run(req, res, true, ({ ctx, signal }) =>
      this.semaphores.acquire(ctx, name, { ...acquireOptions(fields, signal), maxLeases }),
    );
  }

  @Post(':name/release')
  @HttpCode(204)
  @ApiOperation({ summary: 'Return a lease of the session' })
  async release(
    @Req() req: Request,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<void> {
    const node = requiredString(bodyFields(body), 'node');
    await this.semaphores.release(this.calls.context(req, true), name, node);
  }

  @Post(':name/guarded-writes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply writes only while the lease token still holds' })
  guardedWrite(
    @Req() req: Request,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<{ results: OpResultJson[] }> {
    return guardedWriteJson(bodyFields(body), this.settings.maxMultiOps, (token, ops) =>
      this.semaphores.guardedWrite(this.calls.context(req, false), name, token, ops),
    );
  }
}
