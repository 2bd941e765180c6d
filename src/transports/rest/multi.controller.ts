import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Coordinator } from '../../core/coordinator';
import type { Settings } from '../../server/settings';
import { SETTINGS } from '../../server/tokens';
import { opResultToJson, writeOpsFromJson } from '../json/write-op-json';
import type { OpResultJson } from '../../protocol/wire/write-op-json';
import { clientContext } from './client-context';
import { MultiDto } from './dto/znode.dto';

@ApiTags('znodes')
@Controller('api/v1/multi')
export class MultiController {
  constructor(
    private readonly zk: Coordinator,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply create/delete/setData/check ops all or nothing' })
  async multi(@Req() req: Request, @Body() body: MultiDto): Promise<{ results: OpResultJson[] }> {
    const ops = writeOpsFromJson(
      (body as Partial<MultiDto> | undefined)?.ops,
      this.settings.maxMultiOps,
    );
    const results = await this.zk.multi(clientContext(req, this.zk), ops);
    return { results: results.map(opResultToJson) };
  }
}
