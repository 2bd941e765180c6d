import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { OPEN_ACL_UNSAFE } from '../../core/acl';
import { aclFromJson, aclToJson } from '../json/acl-json';
import type { AclJson } from '../../protocol/wire/acl-json';
import { decodeData, encodeData, isDataEncoding } from '../json/data-encoding';
import type { DataEncoding } from '../../protocol/wire/data-encoding';
import { parseSessionId } from '../json/session-id';
import { statToJson } from '../json/stat-json';
import type { StatJson } from '../../protocol/wire/stat-json';
import { parseCreateMode, parseTtl, parseVersion } from '../json/write-op-json';
import { ZkError } from '../../core/zk-error';
import { clientContext } from './client-context';
import {
  CreatedZnodeDto,
  CreateZnodeDto,
  SetAclDto,
  SetZnodeDto,
  StatDto,
  ZnodeDto,
} from './dto/znode.dto';
import { znodePath } from './znode-path';

const PATH_PARAM = {
  name: 'path',
  description: 'The znode path below /api/v1/znodes/ (empty for the root)',
};

function encodingOf(value: unknown): DataEncoding {
  if (value === undefined) return 'utf8';
  if (!isDataEncoding(value)) throw ZkError.badArguments('encoding must be "utf8" or "base64"');
  return value;
}

function bodyOf<T>(body: unknown): Partial<T> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw ZkError.badArguments('the body must be a JSON object');
  return body;
}

@ApiTags('znodes')
@Controller('api/v1')
export class ZnodesController {
  constructor(private readonly zk: Coordinator) {}

  @Get(['znodes', 'znodes/*path'])
  @ApiOperation({ summary: 'Data, Stat and child names of a znode' })
  @ApiParam(PATH_PARAM)
  @ApiQuery({ name: 'encoding', required: false, enum: ['utf8', 'base64'] })
  @ApiOkResponse({ type: ZnodeDto })
  async read(
    @Req() req: Request,
    @Query('encoding') encoding?: string,
  ): Promise<{
    path: string;
    data: string;
    encoding: DataEncoding;
    stat: StatJson;
    children: string[];
  }> {
    const enc = encodingOf(encoding);
    const ctx = clientContext(req, this.zk);
    const path = znodePath(req);
    // One multiRead: data and children from the same point in time.
    const [node, kids] = await this.zk.multiRead(ctx, [
      { op: 'getData', path },
      { op: 'getChildren', path },
    ]);
    if (node?.op === 'error') throw node.error;
    if (node?.op !== 'getData' || kids?.op !== 'getChildren') throw ZkError.noNode(path);
    return {
      path,
      data: encodeData(node.data, enc),
      encoding: enc,
      stat: statToJson(node.stat),
      children: kids.children,
    };
  }

  @Post('znodes/*path')
  @ApiOperation({ summary: 'Create a znode' })
  @ApiParam(PATH_PARAM)
  @ApiCreatedResponse({ type: CreatedZnodeDto })
  async create(
    @Req() req: Request,
    @Body() raw: CreateZnodeDto,
  ): Promise<{ path: string; stat: StatJson }> {
    const body = bodyOf<CreateZnodeDto>(raw);
    const ctx = this.ownerContext(req, body.sessionId);
    const created = await this.zk.create(
      ctx,
      znodePath(req),
      decodeData(body.data, body.encoding ?? 'utf8'),
      {
        mode: parseCreateMode(body.mode),
        ttlMs: parseTtl(body.ttlMs),
        acl: body.acl === undefined ? [...OPEN_ACL_UNSAFE] : aclFromJson(body.acl),
      },
    );
    return { path: created.path, stat: statToJson(created.stat) };
  }

  @Put('znodes/*path')
  @ApiOperation({ summary: 'Set the data of a znode, optionally only at a version' })
  @ApiParam(PATH_PARAM)
  @ApiOkResponse({ type: StatDto })
  async update(
    @Req() req: Request,
    @Body() raw: SetZnodeDto,
  ): Promise<{ path: string; stat: StatJson }> {
    const body = bodyOf<SetZnodeDto>(raw);
    const path = znodePath(req);
    const data = decodeData(body.data, body.encoding ?? 'utf8');
    const stat = await this.zk.setData(
      clientContext(req, this.zk),
      path,
      data,
      parseVersion(body.version),
    );
    return { path, stat: statToJson(stat) };
  }

  @Delete('znodes/*path')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a znode (at a version), or a whole subtree with recursive=true',
  })
  @ApiParam(PATH_PARAM)
  @ApiQuery({ name: 'version', required: false })
  @ApiQuery({ name: 'recursive', required: false, type: Boolean })
  async remove(
    @Req() req: Request,
    @Query('version') version?: string,
    @Query('recursive') recursive?: string,
  ): Promise<void> {
    const ctx = clientContext(req, this.zk);
    const path = znodePath(req);
    if (recursive === 'true') await this.zk.deleteRecursive(ctx, path);
    else await this.zk.delete(ctx, path, parseVersion(version));
  }

  @Get(['acls', 'acls/*path'])
  @ApiOperation({ summary: 'The ACL of a znode' })
  @ApiParam(PATH_PARAM)
  async getAcl(@Req() req: Request): Promise<{ path: string; acl: AclJson[]; stat: StatJson }> {
    const path = znodePath(req, '/api/v1/acls');
    const { acl, stat } = await this.zk.getACL(clientContext(req, this.zk), path);
    return { path, acl: aclToJson(acl), stat: statToJson(stat) };
  }

  @Put(['acls', 'acls/*path'])
  @ApiOperation({ summary: 'Set the ACL of a znode, optionally only at an ACL version' })
  @ApiParam(PATH_PARAM)
  async setAcl(
    @Req() req: Request,
    @Body() raw: SetAclDto,
  ): Promise<{ path: string; stat: StatJson }> {
    const body = bodyOf<SetAclDto>(raw);
    const path = znodePath(req, '/api/v1/acls');
    const stat = await this.zk.setACL(
      clientContext(req, this.zk),
      path,
      aclFromJson(body.acl),
      parseVersion(body.version),
    );
    return { path, stat: statToJson(stat) };
  }

  /** An ephemeral's owner may be named in the body, as the session header would name it. */
  private ownerContext(req: Request, sessionId: unknown): ClientContext {
    const ctx = clientContext(req, this.zk);
    if (sessionId === undefined || ctx.sessionId !== 0n) return ctx;
    const id = parseSessionId(sessionId);
    if (!this.zk.session(id)) throw ZkError.sessionExpired(id);
    return { ...ctx, sessionId: id };
  }
}
