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
import { RecipeCalls } from '../common/recipe-calls';
import { bodyFields, optionalString, type Fields } from '../common/recipe-fields';
import { memberInfoOf } from './consumer-group-json';
import { ConsumerGroupService, type GroupState } from './consumer-group.service';

@ApiTags('load-balancer')
@Controller('api/v1/consumer-groups')
export class ConsumerGroupController {
  constructor(
    private readonly groups: ConsumerGroupService,
    private readonly calls: RecipeCalls,
  ) {}

  @Get(':group')
  @ApiOperation({ summary: 'Members and the owner of every partition' })
  async state(
    @Req() req: Request,
    @Param('group') group: string,
  ): Promise<GroupState & { zxid: number }> {
    const { value, zxid } = await this.groups.state(this.calls.context(req, false), group);
    return { ...value, zxid };
  }

  @Post(':group/members')
  @ApiOperation({
    summary: 'Join as the session: partitions of the topics are rebalanced over the members',
  })
  join(
    @Req() req: Request,
    @Param('group') group: string,
    @Body() body: unknown,
  ): Promise<{ id: string }> {
    const f = bodyFields(body);
    const info = memberInfoOf(f);
    return this.groups.join(this.calls.context(req, true), group, info, optionalString(f, 'id'));
  }

  @Get(':group/members/:id/assignment')
  @ApiOperation({
    summary: 'Partitions the member owns; since={zxid} long-polls for the next change',
  })
  async assignment(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('group') group: string,
    @Param('id') id: string,
    @Query() query: Fields,
  ): Promise<{ owned: Array<{ topic: string; partition: string }>; zxid: number }> {
    const { since, timeoutMs } = longPollOf(query);
    const { value, zxid } = await this.calls.run(req, res, false, ({ ctx, signal }) =>
      this.groups.assignment(ctx, group, id, since, { timeoutMs, signal }),
    );
    return { ...value, zxid };
  }

  @Delete(':group/members/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Leave the group (its partitions go to the others)' })
  async leave(
    @Req() req: Request,
    @Param('group') group: string,
    @Param('id') id: string,
  ): Promise<void> {
    await this.groups.leave(this.calls.context(req, true), group, id);
  }
}
