import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Settings } from '../../server/settings';
import { SETTINGS } from '../../server/tokens';
import type { OpResultJson } from '../../protocol/wire/write-op-json';
import { RecipeCalls } from '../common/recipe-calls';
import { bodyFields, requiredString } from '../common/recipe-fields';
import { acquireOptions, guardedWriteJson } from './lock-json';
import type { Acquired } from './lock-contenders';
import { LockService, type LockState } from './lock.service';

@ApiTags('locks')
@Controller('api/v1/locks')
export class LockController {
  constructor(
    private readonly locks: LockService,
    private readonly calls: RecipeCalls,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get(':name')
  @ApiOperation({ summary: 'Holder and waiters of an exclusive lock' })
  describe(@Req() req: Request, @Param('name') name: string): Promise<LockState> {
    return this.locks.describe(this.calls.context(req, false), name);
  }

  @Post(':name/acquire')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Acquire for the session (long poll up to timeoutMs; 0 tries once); answers the node and fencing token',
  })
  acquire(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<Acquired> {
    const fields = bodyFields(body);
    return this.calls.run(req, res, true, ({ ctx, signal }) =>
      this.locks.acquire(ctx, name, acquireOptions(fields, signal)),
    );
  }

  @Post(':name/release')
  @HttpCode(204)
  @ApiOperation({ summary: 'Release a hold of the session' })
  async release(
    @Req() req: Request,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<void> {
    const node = requiredString(bodyFields(body), 'node');
    await this.locks.release(this.calls.context(req, true), name, node);
  }

  @Post(':name/guarded-writes')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Apply writes only while the fencing token still holds the lock (one multi with a check)',
  })
  guardedWrite(
    @Req() req: Request,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<{ results: OpResultJson[] }> {
    return guardedWriteJson(bodyFields(body), this.settings.maxMultiOps, (token, ops) =>
      this.locks.guardedWrite(this.calls.context(req, false), name, token, ops),
    );
  }
}
