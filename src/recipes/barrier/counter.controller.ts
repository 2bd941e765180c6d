import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { RecipeCalls } from '../common/recipe-calls';
import { bodyFields } from '../common/recipe-fields';
import { changeJson, longField, longJson } from './counter-json';
import { CounterService } from './counter.service';

@ApiTags('barrier')
@Controller('api/v1/counters')
export class CounterController {
  constructor(
    private readonly counters: CounterService,
    private readonly calls: RecipeCalls,
  ) {}

  @Get(':name')
  @ApiOperation({ summary: 'The value of a distributed atomic counter (0 if never set)' })
  async get(
    @Req() req: Request,
    @Param('name') name: string,
  ): Promise<{ name: string; value: number | string }> {
    return { name, value: longJson(await this.counters.get(this.calls.context(req, false), name)) };
  }

  @Post(':name/add')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add delta (default 1) atomically; answers the values before and after',
  })
  async add(
    @Req() req: Request,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<{ preValue: number | string; postValue: number | string }> {
    const delta = longField(bodyFields(body), 'delta', false) ?? 1n;
    return changeJson(await this.counters.add(this.calls.context(req, false), name, delta));
  }

  @Put(':name')
  @ApiOperation({
    summary: 'Set the value; with expected, only if the value is that (compareAndSet)',
  })
  async set(
    @Req() req: Request,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<{ succeeded: boolean; preValue: number | string; postValue: number | string }> {
    const fields = bodyFields(body);
    const value = longField(fields, 'value', true) as bigint;
    const expected = longField(fields, 'expected', false);
    const change = await this.counters.set(this.calls.context(req, false), name, value, expected);
    return { succeeded: change.succeeded, ...changeJson(change) };
  }
}
