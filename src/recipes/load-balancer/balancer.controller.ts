import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { RecipeCalls } from '../common/recipe-calls';
import { oneOf, optionalString, type Fields } from '../common/recipe-fields';
import { BalancerService, type Pick } from './balancer.service';
import { PICK_STRATEGIES } from './pick-strategy';

@ApiTags('load-balancer')
@Controller('api/v1/services')
export class BalancerController {
  constructor(
    private readonly balancer: BalancerService,
    private readonly calls: RecipeCalls,
  ) {}

  @Get(':service/pick')
  @ApiOperation({
    summary:
      'Pick a live provider: strategy=round-robin|random|weighted|least-outstanding|consistent-hash (with key)',
  })
  pick(
    @Req() req: Request,
    @Param('service') service: string,
    @Query() query: Fields,
  ): Promise<Pick> {
    const strategy = oneOf(query, 'strategy', PICK_STRATEGIES, 'round-robin');
    return this.balancer.pick(
      this.calls.context(req, false),
      service,
      strategy,
      optionalString(query, 'key'),
    );
  }

  @Post(':service/picks/:ticket/done')
  @HttpCode(200)
  @ApiOperation({ summary: 'A least-outstanding call has ended' })
  done(@Param('ticket') ticket: string): { counted: boolean } {
    return { counted: this.balancer.done(ticket) };
  }
}
