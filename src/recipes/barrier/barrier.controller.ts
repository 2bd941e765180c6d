import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { parseTimeout } from '../common/deadline';
import { RecipeCalls } from '../common/recipe-calls';
import { bodyFields, optionalString, requiredInt, requiredString } from '../common/recipe-fields';
import { BarrierService } from './barrier.service';
import { DoubleBarrierService } from './double-barrier.service';

@ApiTags('barrier')
@Controller('api/v1')
export class BarrierController {
  constructor(
    private readonly barriers: BarrierService,
    private readonly doubles: DoubleBarrierService,
    private readonly calls: RecipeCalls,
  ) {}

  @Get('barriers/:name')
  @ApiOperation({ summary: 'Whether the barrier stands' })
  async state(
    @Req() req: Request,
    @Param('name') name: string,
  ): Promise<{ name: string; set: boolean }> {
    return { name, set: await this.barriers.isSet(this.calls.context(req, false), name) };
  }

  @Put('barriers/:name')
  @ApiOperation({ summary: 'Set the barrier (waiters wait while it stands)' })
  set(@Req() req: Request, @Param('name') name: string): Promise<{ created: boolean }> {
    return this.barriers.set(this.calls.context(req, false), name);
  }

  @Delete('barriers/:name')
  @ApiOperation({ summary: 'Remove the barrier: every waiter proceeds' })
  remove(@Req() req: Request, @Param('name') name: string): Promise<{ removed: boolean }> {
    return this.barriers.remove(this.calls.context(req, false), name);
  }

  @Post('barriers/:name/wait')
  @HttpCode(200)
  @ApiOperation({ summary: 'Wait (long poll, timeoutMs) until the barrier is removed' })
  async wait(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<{ passed: boolean }> {
    const timeoutMs = parseTimeout(bodyFields(body).timeoutMs);
    const passed = await this.calls.run(req, res, false, ({ ctx, signal }) =>
      this.barriers.wait(ctx, name, { timeoutMs, signal }),
    );
    return { passed };
  }

  @Post('double-barriers/:name/enter')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enter as the session; waits (timeoutMs) until `members` have entered' })
  enter(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<{ entered: boolean; id: string }> {
    const fields = bodyFields(body);
    const members = requiredInt(fields, 'members', 1, 1_000_000);
    const id = optionalString(fields, 'id');
    const timeoutMs = parseTimeout(fields.timeoutMs);
    return this.calls.run(req, res, true, ({ ctx, signal }) =>
      this.doubles.enter(ctx, name, members, { id, timeoutMs, signal }),
    );
  }

  @Post('double-barriers/:name/leave')
  @HttpCode(200)
  @ApiOperation({ summary: 'Leave; waits (timeoutMs) until every member has left' })
  leave(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<{ left: boolean }> {
    const fields = bodyFields(body);
    const id = requiredString(fields, 'id');
    const timeoutMs = parseTimeout(fields.timeoutMs);
    return this.calls.run(req, res, true, ({ ctx, signal }) =>
      this.doubles.leave(ctx, name, id, { timeoutMs, signal }),
    );
  }
}
