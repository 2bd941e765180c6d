import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { longPollOf } from '../common/change-poll';
import { parseTimeout } from '../common/deadline';
import { RecipeCalls } from '../common/recipe-calls';
import { bodyFields, optionalString, requiredString } from '../common/recipe-fields';
import {
  ElectionService,
  type CandidateJson,
  type GroupState,
  type MemberJson,
} from './election.service';

@ApiTags('election')
@Controller('api/v1/elections')
export class ElectionController {
  constructor(
    private readonly elections: ElectionService,
    private readonly calls: RecipeCalls,
  ) {}

  @Get(':group')
  @ApiOperation({
    summary:
      'Members, candidates and leader; with since={zxid}, waits (timeoutMs) for the next change',
  })
  async state(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('group') group: string,
    @Query() query: Record<string, unknown>,
  ): Promise<GroupState & { zxid: number }> {
    const { since, timeoutMs } = longPollOf(query);
    const { value, zxid } = await this.calls.run(req, res, false, ({ ctx, signal }) =>
      this.elections.state(ctx, group, since, { timeoutMs, signal }),
    );
    return { ...value, zxid };
  }

  @Get(':group/leader')
  @ApiOperation({ summary: 'The current leader, or null' })
  async leader(
    @Req() req: Request,
    @Param('group') group: string,
  ): Promise<{ leader: CandidateJson | null }> {
    const { value } = await this.elections.state(this.calls.context(req, false), group);
    return { leader: value.leader };
  }

  @Post(':group/members')
  @ApiOperation({ summary: 'Join the group as the session (an ephemeral member node)' })
  join(
    @Req() req: Request,
    @Param('group') group: string,
    @Body() body: unknown,
  ): Promise<MemberJson> {
    const fields = bodyFields(body);
    return this.elections.join(
      this.calls.context(req, true),
      group,
      requiredString(fields, 'id'),
      optionalString(fields, 'data') ?? '',
    );
  }

  @Delete(':group/members/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Leave the group' })
  async leave(
    @Req() req: Request,
    @Param('group') group: string,
    @Param('id') id: string,
  ): Promise<void> {
    await this.elections.leave(this.calls.context(req, true), group, id);
  }

  @Post(':group/candidates')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Campaign for leadership (LeaderLatch); waits up to timeoutMs (default 0) to lead',
  })
  campaign(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('group') group: string,
    @Body() body: unknown,
  ): Promise<{ node: string; token: number; leader: boolean }> {
    const fields = bodyFields(body);
    const id = requiredString(fields, 'id');
    const timeoutMs = parseTimeout(fields.timeoutMs);
    return this.calls.run(req, res, true, ({ ctx, signal }) =>
      this.elections.campaign(ctx, group, id, { timeoutMs, signal }),
    );
  }

  @Post(':group/candidates/:node/await')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Wait (timeoutMs, absent: as long as it takes) until this candidate leads',
  })
  awaitLeadership(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('group') group: string,
    @Param('node') node: string,
    @Body() body: unknown,
  ): Promise<{ leader: boolean }> {
    const timeoutMs = parseTimeout(bodyFields(body).timeoutMs);
    return this.calls.run(req, res, true, ({ ctx, signal }) =>
      this.elections.awaitLeadership(ctx, group, node, { timeoutMs, signal }),
    );
  }

  @Delete(':group/candidates/:node')
  @HttpCode(204)
  @ApiOperation({ summary: 'Resign (or stop campaigning)' })
  async resign(
    @Req() req: Request,
    @Param('group') group: string,
    @Param('node') node: string,
  ): Promise<void> {
    await this.elections.resign(this.calls.context(req, true), group, node);
  }
}
