import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Put,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { Coordinator } from '../../core/coordinator';
import { CREATE_MODES } from '../../core/znode';
import { ZkError } from '../../core/zk-error';
import { decodeData } from '../../transports/json/data-encoding';
import { statToJson } from '../../transports/json/stat-json';
import type { StatJson } from '../../protocol/wire/stat-json';
import { parsePath, parseTtl, parseVersion } from '../../transports/json/write-op-json';
import { adminContext } from '../admin-context';
import { AuditService } from '../audit/audit.service';
import { CurrentActor, type Actor } from '../auth/actor';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { optionalInt } from '../query-fields';
import type { ChildPage, DashboardCreateMode, NodeJson } from '../admin-api-types';
import { ZnodeBrowser } from './znode-browser';

const DASHBOARD_MODES = CREATE_MODES.filter(
  (m): m is DashboardCreateMode => !m.startsWith('ephemeral'),
);

interface WriteBody {
  path?: unknown;
  data?: unknown;
  encoding?: unknown;
  mode?: unknown;
  ttlMs?: unknown;
  version?: unknown;
}

/** The tree view: browse, search, read, create, edit (by version) and delete znodes. */
@ApiTags('admin')
@ApiCookieAuth()
@UseGuards(AdminAuthGuard)
@Controller('api/v1/admin/znodes')
export class TreeController {
  constructor(
    private readonly zk: Coordinator,
    private readonly browser: ZnodeBrowser,
    private readonly audit: AuditService,
  ) {}

  @Get('children')
  children(
    @CurrentActor() actor: Actor,
    @Query('path') path = '/',
    @Query('offset') offset?: string,
    @Query('limit') limit?: string,
    @Query('filter') filter?: string,
  ): Promise<ChildPage> {
    return this.browser.children(adminContext(actor), path, {
      offset: optionalInt(offset, 'offset'),
      limit: optionalInt(limit, 'limit'),
      filter,
    });
  }

  @Get('node')
  node(@CurrentActor() actor: Actor, @Query('path') path = '/'): Promise<NodeJson> {
    return this.browser.node(adminContext(actor), path);
  }

  @Get('search')
  search(
    @CurrentActor() actor: Actor,
    @Query('q') q = '',
    @Query('limit') limit?: string,
  ): Promise<{ paths: string[]; truncated: boolean }> {
    return this.browser.search(adminContext(actor), q, optionalInt(limit, 'limit'));
  }

  @Post()
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: WriteBody = {},
  ): Promise<{ path: string; stat: StatJson }> {
    const path = parsePath(body.path);
    const mode = (body.mode ?? 'persistent') as DashboardCreateMode;
    if (!DASHBOARD_MODES.includes(mode)) {
      throw ZkError.badArguments(`mode must be one of ${DASHBOARD_MODES.join(', ')}`);
    }
    const data = decodeData(body.data, body.encoding);
    const ttlMs = parseTtl(body.ttlMs);
    const created = await this.audit.track(
      actor,
      'create',
      path,
      { mode, dataLength: data.length },
      () => this.zk.create(adminContext(actor), path, data, { mode, ttlMs }),
      (r) => ({ path: r.path }),
    );
    return { path: created.path, stat: statToJson(created.stat) };
  }

  /** Sets data at the version the editor loaded: a change made meanwhile is BadVersion. */
  @Put()
  async setData(@CurrentActor() actor: Actor, @Body() body: WriteBody = {}): Promise<StatJson> {
    const path = parsePath(body.path);
    const version = parseVersion(body.version);
    const data = decodeData(body.data, body.encoding);
    const stat = await this.audit.track(
      actor,
      'setData',
      path,
      { version, dataLength: data.length },
      () => this.zk.setData(adminContext(actor), path, data, version),
      (s) => ({ newVersion: s.version }),
    );
    return statToJson(stat);
  }

  @Delete()
  @HttpCode(204)
  async delete(
    @CurrentActor() actor: Actor,
    @Query('path') path: string,
    @Query('version') version?: string,
    @Query('recursive') recursive?: string,
  ): Promise<void> {
    const ctx = adminContext(actor);
    const target = parsePath(path);
    if (recursive === 'true') {
      await this.audit.track(actor, 'delete', target, { recursive: true }, () =>
        this.zk.deleteRecursive(ctx, target),
      );
      return;
    }
    const v = parseVersion(version);
    await this.audit.track(actor, 'delete', target, { version: v }, () =>
      this.zk.delete(ctx, target, v),
    );
  }
}
