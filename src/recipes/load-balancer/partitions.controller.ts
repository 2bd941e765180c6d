import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { longPollOf, pollForChange } from '../common/change-poll';
import { Deadline } from '../common/deadline';
import { RecipeCalls } from '../common/recipe-calls';
import { Coordinator } from '../../core/coordinator';
import { bodyFields, requiredInt, requiredString, type Fields } from '../common/recipe-fields';
import { PartitionsService, type Broker, type PartitionJson } from './partitions.service';

@ApiTags('load-balancer')
@Controller('api/v1')
export class PartitionsController {
  constructor(
    private readonly partitions: PartitionsService,
    private readonly calls: RecipeCalls,
    private readonly zk: Coordinator,
  ) {}

  @Post('brokers')
  @ApiOperation({ summary: 'Register a broker for the session (ephemeral)' })
  register(@Req() req: Request, @Body() body: unknown): Promise<Broker> {
    const f = bodyFields(body);
    return this.partitions.registerBroker(this.calls.context(req, true), {
      id: requiredString(f, 'id'),
      host: requiredString(f, 'host'),
      port: requiredInt(f, 'port', 0, 65535),
    });
  }

  @Put('brokers/:id/topics/:topic')
  @ApiOperation({ summary: 'The broker serves {partitions} partitions of the topic' })
  async publishTopic(
    @Req() req: Request,
    @Param('id') id: string,
    @Param('topic') topic: string,
    @Body() body: unknown,
  ): Promise<{ brokerId: string; topic: string; partitions: number }> {
    const partitions = requiredInt(bodyFields(body), 'partitions', 1, 100_000);
    await this.partitions.publishTopic(this.calls.context(req, true), id, topic, partitions);
    return { brokerId: id, topic, partitions };
  }

  @Get('topics/:topic/partitions')
  @ApiOperation({
    summary:
      'Live partitions in producer order (broker id, then partition); since={zxid} long-polls',
  })
  async list(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('topic') topic: string,
    @Query() query: Fields,
  ): Promise<{ topic: string; partitions: PartitionJson[]; zxid: number }> {
    const { since, timeoutMs } = longPollOf(query);
    const { value, zxid } = await this.calls.run(req, res, false, ({ ctx, signal }) =>
      pollForChange(
        this.zk,
        ctx,
        (w) => this.partitions.partitions(ctx, topic, w),
        since,
        new Deadline(timeoutMs),
        signal,
      ),
    );
    return { topic, partitions: value, zxid };
  }

  @Post('topics/:topic/partitions/next')
  @HttpCode(200)
  @ApiOperation({ summary: 'The next partition to send to, round-robin over the ordered list' })
  next(@Req() req: Request, @Param('topic') topic: string): Promise<PartitionJson> {
    return this.partitions.next(this.calls.context(req, false), topic);
  }
}
