import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { longPollOf } from '../common/change-poll';
import { RecipeCalls } from '../common/recipe-calls';
import { bodyFields, optionalString, type Fields } from '../common/recipe-fields';
import { registrationOf, sideOf, updateOf } from './registry-json';
import { RegistryService } from './registry.service';
import type { Side } from '../../protocol/recipes/service-instance';
import type { ServiceInstance } from './service-instance';

@ApiTags('registry')
@Controller('api/v1/services')
export class RegistryController {
  constructor(
    private readonly registry: RegistryService,
    private readonly calls: RecipeCalls,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Names of the registered services' })
  async services(@Req() req: Request): Promise<{ services: string[] }> {
    return { services: await this.registry.services(this.calls.context(req, false)) };
  }

  @Get(':service/instances')
  @ApiOperation({
    summary:
      'Live instances (side=providers|consumers, status filter); since={zxid} long-polls for the next change',
  })
  async instances(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('service') service: string,
    @Query() query: Fields,
  ): Promise<{ service: string; side: Side; instances: ServiceInstance[]; zxid: number }> {
    const side = sideOf(query);
    const { since, timeoutMs } = longPollOf(query);
    const status = optionalString(query, 'status');
    const { value, zxid } = await this.calls.run(req, res, false, ({ ctx, signal }) =>
      this.registry.instances(ctx, service, side, since, { timeoutMs, signal }),
    );
    const instances = status === undefined ? value : value.filter((i) => i.status === status);
    return { service, side, instances, zxid };
  }

  @Post(':service/instances')
  @ApiOperation({
    summary: 'Register an instance for the session (ephemeral: it goes when the session ends)',
  })
  register(
    @Req() req: Request,
    @Param('service') service: string,
    @Body() body: unknown,
  ): Promise<ServiceInstance> {
    const fields = bodyFields(body);
    return this.registry.register(
      this.calls.context(req, true),
      service,
      sideOf(fields),
      registrationOf(fields),
    );
  }

  @Put(':service/instances/:id')
  @ApiOperation({ summary: 'Update status, weight or metadata (e.g. progress) of an own instance' })
  update(
    @Req() req: Request,
    @Param('service') service: string,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<ServiceInstance> {
    const fields = bodyFields(body);
    return this.registry.update(
      this.calls.context(req, true),
      service,
      sideOf(fields),
      id,
      updateOf(fields),
    );
  }

  @Delete(':service/instances/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deregister an own instance' })
  async deregister(
    @Req() req: Request,
    @Param('service') service: string,
    @Param('id') id: string,
    @Query() query: Fields,
  ): Promise<void> {
    await this.registry.deregister(this.calls.context(req, true), service, sideOf(query), id);
  }
}
