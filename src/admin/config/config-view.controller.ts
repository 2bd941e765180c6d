import { Body, Controller, Get, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { Coordinator } from '../../core/coordinator';
import { ZkError } from '../../core/zk-error';
import { CONFIG_ROOT } from '../../protocol/recipes/recipe-paths';
import { bodyFields, requiredString } from '../../recipes/common/recipe-fields';
import { childrenOrEmpty } from '../../recipes/common/znode-ops';
import { ConfigCenterService } from '../../recipes/config/config-center.service';
import type { ConfigEntry, ConfigKey, HistoryEntry } from '../../recipes/config/config-entry';
import { formatProblem } from '../../recipes/config/config-format';
import { formatOf, publishOf } from '../../recipes/config/config-json';
import { adminContext } from '../admin-context';
import type { HistoryMeta, NamespaceJson } from '../admin-api-types';
import { AuditService } from '../audit/audit.service';
import { CurrentActor, type Actor } from '../auth/actor';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { optionalInt } from '../query-fields';

/** The config view: browse, edit and publish (validated, by version), history, diff, rollback. */
@ApiTags('admin')
@ApiCookieAuth()
@UseGuards(AdminAuthGuard)
@Controller('api/v1/admin/config')
export class ConfigViewController {
  constructor(
    private readonly zk: Coordinator,
    private readonly config: ConfigCenterService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  async tree(@CurrentActor() actor: Actor): Promise<NamespaceJson[]> {
    const ctx = adminContext(actor);
    const { children } = await childrenOrEmpty(this.zk, ctx, CONFIG_ROOT);
    return Promise.all(
      children.sort().map(async (name) => {
        const groups = (await this.config.groups(ctx, name)).sort();
        return {
          name,
          groups: await Promise.all(
            groups.map(async (group) => ({
              name: group,
              keys: (await this.config.list(ctx, name, group)).sort(),
            })),
          ),
        };
      }),
    );
  }

  @Post('validate')
  validate(@Body() body: unknown): { problem: string | null } {
    const fields = bodyFields(body);
    const problem = formatProblem(formatOf(fields), requiredString(fields, 'content'));
    return { problem: problem ?? null };
  }

  @Get(':namespace/:group/:key')
  get(@CurrentActor() actor: Actor, @Param() k: ConfigKey): Promise<ConfigEntry> {
    return this.config.get(adminContext(actor), k);
  }

  @Get(':namespace/:group/:key/history')
  history(@CurrentActor() actor: Actor, @Param() k: ConfigKey): Promise<HistoryMeta[]> {
    return this.config.history(adminContext(actor), k);
  }

  @Get(':namespace/:group/:key/versions/:version')
  version(
    @CurrentActor() actor: Actor,
    @Param() k: ConfigKey,
    @Param('version') version: string,
  ): Promise<HistoryEntry> {
    return this.config.version(adminContext(actor), k, optionalInt(version, 'version') ?? 0);
  }

  @Get(':namespace/:group/:key/diff')
  diff(
    @CurrentActor() actor: Actor,
    @Param() k: ConfigKey,
    @Query('from') from: string,
    @Query('to') to?: string,
  ): Promise<{ from: number; to: number; diff: string }> {
    const fromVersion = optionalInt(from, 'from');
    if (fromVersion === undefined) throw ZkError.badArguments('from must be a version');
    return this.config.diff(adminContext(actor), k, fromVersion, optionalInt(to, 'to'));
  }

  /** Publishes over `expectedVersion` (the version the editor loaded), so no edit is lost. */
  @Put(':namespace/:group/:key')
  publish(
    @CurrentActor() actor: Actor,
    @Param() k: ConfigKey,
    @Body() body: unknown,
  ): Promise<ConfigEntry> {
    const publish = publishOf(bodyFields(body));
    return this.audit.track(
      actor,
      'publishConfig',
      keyName(k),
      { format: publish.format, expectedVersion: publish.expectedVersion ?? -1 },
      () => this.config.publish(adminContext(actor), k, publish),
      (e) => ({ version: e.version }),
    );
  }

  @Post(':namespace/:group/:key/rollback')
  rollback(
    @CurrentActor() actor: Actor,
    @Param() k: ConfigKey,
    @Body() body: { toVersion?: unknown; expectedVersion?: unknown } = {},
  ): Promise<ConfigEntry> {
    const toVersion = optionalInt(body.toVersion, 'toVersion');
    if (toVersion === undefined) throw ZkError.badArguments('toVersion must be a version');
    const expectedVersion = optionalInt(body.expectedVersion, 'expectedVersion');
    return this.audit.track(
      actor,
      'rollbackConfig',
      keyName(k),
      { toVersion },
      () => this.config.rollback(adminContext(actor), k, toVersion, expectedVersion),
      (e) => ({ version: e.version }),
    );
  }
}

function keyName(k: ConfigKey): string {
  return `${k.namespace}/${k.group}/${k.key}`;
}
