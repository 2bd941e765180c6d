import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { decodeData } from '../../transports/json/data-encoding';
import { RecipeCalls } from '../common/recipe-calls';
import { bodyFields, optionalBool } from '../common/recipe-fields';
import { encodingOf, itemJson, takeOptionsOf, type QueueItemJson } from './queue-json';
import { QueueService, type QueueStats } from './queue.service';

@ApiTags('queue')
@Controller('api/v1/queues')
export class QueueController {
  constructor(
    private readonly queues: QueueService,
    private readonly calls: RecipeCalls,
  ) {}

  @Get(':name')
  @ApiOperation({ summary: 'Size of the queue and items awaiting an ack' })
  stats(@Req() req: Request, @Param('name') name: string): Promise<QueueStats> {
    return this.queues.stats(this.calls.context(req, false), name);
  }

  @Post(':name/items')
  @ApiOperation({ summary: 'Put (offer) an item at the tail' })
  put(
    @Req() req: Request,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<{ id: string }> {
    const fields = bodyFields(body);
    return this.queues.put(
      this.calls.context(req, false),
      name,
      decodeData(fields.data, encodingOf(fields)),
    );
  }

  @Post(':name/take')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Take the head item, waiting up to timeoutMs (long poll); ack=true holds it until acked',
  })
  async take(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<{ item: QueueItemJson | null }> {
    const fields = bodyFields(body);
    const encoding = encodingOf(fields);
    const take = takeOptionsOf(fields);
    const item = await this.calls.run(req, res, take.ack, ({ ctx, signal }) =>
      this.queues.take(ctx, name, { ...take, signal }),
    );
    return itemJson(item, encoding);
  }

  @Post(':name/poll')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take the head item if there is one, without waiting' })
  async poll(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<{ item: QueueItemJson | null }> {
    const fields = bodyFields(body);
    const ack = optionalBool(fields, 'ack') ?? false;
    const item = await this.calls.run(req, res, ack, ({ ctx, signal }) =>
      this.queues.take(ctx, name, { ack, timeoutMs: 0, signal }),
    );
    return itemJson(item, encodingOf(fields));
  }

  @Get(':name/peek')
  @ApiOperation({ summary: 'The head item, left in the queue' })
  async peek(
    @Req() req: Request,
    @Param('name') name: string,
  ): Promise<{ item: QueueItemJson | null }> {
    const encoding = encodingOf(req.query);
    return itemJson(await this.queues.peek(this.calls.context(req, false), name), encoding);
  }

  @Post(':name/items/:id/ack')
  @HttpCode(204)
  @ApiOperation({ summary: 'Acknowledge an item taken with ack: it is removed for good' })
  async ack(
    @Req() req: Request,
    @Param('name') name: string,
    @Param('id') id: string,
  ): Promise<void> {
    await this.queues.ack(this.calls.context(req, true), name, id);
  }

  @Post(':name/items/:id/release')
  @HttpCode(204)
  @ApiOperation({ summary: 'Give an item taken with ack back to the queue' })
  async release(
    @Req() req: Request,
    @Param('name') name: string,
    @Param('id') id: string,
  ): Promise<void> {
    await this.queues.release(this.calls.context(req, true), name, id);
  }
}
