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
import { bodyFields, optionalInt, requiredInt, type Fields } from '../common/recipe-fields';
import type { ConfigEntry, ConfigKey, HistoryEntry } from './config-entry';
import { configItemsJson, keysOf, publishOf, type ConfigItemJson } from './config-json';
import { ConfigCenterService } from './config-center.service';

/** Just the key's parts of the route's params. */
function keyOfParams(k: ConfigKey): ConfigKey {
  return { namespace: k.namespace, group: k.group, key: k.key };
}

@ApiTags('config')
@Controller('api/v1/config')
export class ConfigCenterController {
  constructor(
    private readonly config: ConfigCenterService,
    private readonly calls: RecipeCalls,
  ) {}

  @Post('batch-get')
  @HttpCode(200)
  @ApiOperation({ summary: 'Read many keys at one point in time' })
  async getMany(@Req() req: Request, @Body() body: unknown): Promise<{ items: ConfigItemJson[] }> {
    const keys = keysOf(bodyFields(body).keys);
    return {
      items: configItemsJson(await this.config.getMany(this.calls.context(req, false), keys)),
    };
  }

  @Get(':namespace')
  @ApiOperation({ summary: 'Groups of a namespace' })
  async groups(
    @Req() req: Request,
    @Param('namespace') namespace: string,
  ): Promise<{ groups: string[] }> {
    return { groups: await this.config.groups(this.calls.context(req, false), namespace) };
  }

  @Get(':namespace/:group')
  @ApiOperation({ summary: 'Keys of a group' })
  async keys(
    @Req() req: Request,
    @Param('namespace') namespace: string,
    @Param('group') group: string,
  ): Promise<{ keys: string[] }> {
    return { keys: await this.config.list(this.calls.context(req, false), namespace, group) };
  }

  @Get(':namespace/:group/:key')
  @ApiOperation({
    summary:
      'Read a key; with since={zxid} a long poll (timeoutMs) that answers at the next change (subscribe)',
  })
  async get(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param() k: ConfigKey,
    @Query() query: Fields,
  ): Promise<(ConfigEntry & { zxid: number }) | (ConfigKey & { exists: false; zxid: number })> {
    const { since, timeoutMs } = longPollOf(query);
    const key = keyOfParams(k);
    const { value, zxid } = await this.calls.run(req, res, false, ({ ctx, signal }) =>
      this.config.watch(ctx, key, since, { timeoutMs, signal }),
    );
    if (value) return { ...value, zxid };
    if (since === undefined) await this.config.get(this.calls.context(req, false), key); // throws NoNode
    return { ...key, exists: false, zxid };
  }

  @Put(':namespace/:group/:key')
  @ApiOperation({
    summary: 'Publish (validated by format; expectedVersion makes it a compare-and-set)',
  })
  publish(@Req() req: Request, @Param() k: ConfigKey, @Body() body: unknown): Promise<ConfigEntry> {
    const key = keyOfParams(k);
    return this.config.publish(this.calls.context(req, false), key, publishOf(bodyFields(body)));
  }

  @Delete(':namespace/:group/:key')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a key and its history' })
  async remove(@Req() req: Request, @Param() k: ConfigKey, @Query() query: Fields): Promise<void> {
    const key = keyOfParams(k);
    await this.config.remove(
      this.calls.context(req, false),
      key,
      optionalInt(query, 'expectedVersion', -1) ?? -1,
    );
  }

  @Get(':namespace/:group/:key/history')
  @ApiOperation({ summary: 'Kept versions, newest first' })
  async history(
    @Req() req: Request,
    @Param() k: ConfigKey,
  ): Promise<{ history: Array<Omit<HistoryEntry, 'content'>> }> {
    const key = keyOfParams(k);
    return { history: await this.config.history(this.calls.context(req, false), key) };
  }

  @Get(':namespace/:group/:key/history/:version')
  @ApiOperation({ summary: 'One kept version, with its content' })
  version(@Req() req: Request, @Param() k: ConfigKey & { version: string }): Promise<HistoryEntry> {
    const key = keyOfParams(k);
    const version = requiredInt({ version: k.version }, 'version', 0);
    return this.config.version(this.calls.context(req, false), key, version);
  }

  @Get(':namespace/:group/:key/diff')
  @ApiOperation({
    summary: 'Unified diff between two kept versions (to: the current one by default)',
  })
  diff(
    @Req() req: Request,
    @Param() k: ConfigKey,
    @Query() query: Fields,
  ): Promise<{ from: number; to: number; diff: string }> {
    const key = keyOfParams(k);
    return this.config.diff(
      this.calls.context(req, false),
      key,
      requiredInt(query, 'from', 0),
      optionalInt(query, 'to', 0),
    );
  }

  @Post(':namespace/:group/:key/rollback')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a kept version again, as a new version' })
  rollback(
    @Req() req: Request,
    @Param() k: ConfigKey,
    @Body() body: unknown,
  ): Promise<ConfigEntry> {
    const fields = bodyFields(body);
    const key = keyOfParams(k);
    return this.config.rollback(
      this.calls.context(req, false),
      key,
      requiredInt(fields, 'toVersion', 0),
      optionalInt(fields, 'expectedVersion', -1),
    );
  }
}
