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
import { ZkError } from '../../core/zk-error';
import { parseTimeout } from '../common/deadline';
import { RecipeCalls } from '../common/recipe-calls';
import {
  bodyFields,
  oneOf,
  optionalInt,
  optionalString,
  type Fields,
} from '../common/recipe-fields';
import { ASSIGNORS } from './assignors';
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
    const topics = f.topics;
    if (
      !Array.isArray(topics) ||
      topics.length === 0 ||
      !topics.every((t): t is string => typeof t === 'string')
    ) {
      throw ZkError.badArguments('topics must be a non-empty list of topic names');
    }
    const assignor = oneOf(f, 'assignor', ASSIGNORS, 'range');
    return this.groups.join(
      this.calls.context(req, true),
      group,
      { topics, assignor },
      optionalString(f, 'id'),
    );
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
    const since = optionalInt(query, 'since', 0);
    const timeoutMs = parseTimeout(query.timeoutMs) ?? 30_000;
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
