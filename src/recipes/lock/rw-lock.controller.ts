import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Settings } from '../../server/settings';
import { SETTINGS } from '../../server/tokens';
import type { OpResultJson } from '../../protocol/wire/write-op-json';
import { RecipeCalls } from '../common/recipe-calls';
import { bodyFields, oneOf, requiredString } from '../common/recipe-fields';
import { acquireOptions, guardedWriteJson } from './lock-json';
import type { Acquired } from './lock-contenders';
import { RwLockService, type LockMode, type RwLockState } from './rw-lock.service';

@ApiTags('locks')
@Controller('api/v1/rwlocks')
export class RwLockController {
  constructor(
    private readonly locks: RwLockService,
    private readonly calls: RecipeCalls,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get(':name')
  @ApiOperation({ summary: 'Readers, writer and waiters of a read-write lock' })
  describe(@Req() req: Request, @Param('name') name: string): Promise<RwLockState> {
    return this.locks.describe(this.calls.context(req, false), name);
  }

  @Post(':name/acquire')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acquire the read or write side for the session (long poll)' })
  acquire(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<Acquired & { mode: LockMode }> {
    const fields = bodyFields(body);
    const mode = oneOf(fields, 'mode', ['read', 'write'] as const, 'write');
    return this.calls.run(req, res, true, ({ ctx, signal }) =>
      this.locks.acquire(ctx, name, mode, acquireOptions(fields, signal)),
    );
  }

  @Post(':name/release')
  @HttpCode(204)
  @ApiOperation({ summary: 'Release a read or write hold of the session' })
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
  @ApiOperation({ summary: 'Apply writes only while the write-lock token still holds' })
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
