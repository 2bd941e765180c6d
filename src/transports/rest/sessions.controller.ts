import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Coordinator } from '../../core/coordinator';
import { ZkError } from '../../core/zk-error';
import { parseSessionId } from '../json/session-id';
import { remoteAddress } from './client-context';
import { AddAuthDto, OpenSessionDto, SessionDto } from './dto/session.dto';

interface SessionJson {
  sessionId: string;
  password: string;
  timeoutMs: number;
}

@ApiTags('sessions')
@Controller('api/v1/sessions')
export class SessionsController {
  constructor(private readonly zk: Coordinator) {}

  @Post()
  @ApiBody({ type: OpenSessionDto, required: false })
  @ApiOkResponse({ type: SessionDto })
  async open(@Body() body: OpenSessionDto | undefined, @Req() req: Request): Promise<SessionJson> {
    const timeoutMs = body?.timeoutMs ?? this.zk.limits.minSessionTimeoutMs * 2;
    if (typeof timeoutMs !== 'number') throw ZkError.badArguments('timeoutMs must be a number');
    const s = await this.zk.openSession(timeoutMs, {
      transport: 'rest',
      remoteAddress: remoteAddress(req),
    });
    return {
      sessionId: s.sessionId.toString(),
      password: s.password.toString('base64'),
      timeoutMs: s.timeoutMs,
    };
  }

  @Get(':id')
  describe(@Param('id') id: string): { sessionId: string; timeoutMs: number; ephemerals: number } {
    const sessionId = parseSessionId(id);
    const s = this.zk.session(sessionId);
    if (!s) throw ZkError.sessionExpired(sessionId);
    return {
      sessionId: id,
      timeoutMs: s.timeoutMs,
      ephemerals: this.zk.ephemeralPathsOf(sessionId).length,
    };
  }

  @Post(':id/heartbeat')
  @HttpCode(200)
  heartbeat(@Param('id') id: string): { sessionId: string; timeoutMs: number } {
    const sessionId = parseSessionId(id);
    if (!this.zk.touch(sessionId)) throw ZkError.sessionExpired(sessionId);
    return { sessionId: id, timeoutMs: this.zk.session(sessionId)?.timeoutMs ?? 0 };
  }

  @Post(':id/auth')
  @HttpCode(200)
  addAuth(@Param('id') id: string, @Body() body: AddAuthDto): { scheme: string; id: string } {
    if (typeof body?.scheme !== 'string' || typeof body.credentials !== 'string') {
      throw ZkError.badArguments('body must be {scheme, credentials}');
    }
    return this.zk.addAuth(parseSessionId(id), body.scheme, body.credentials);
  }

  @Delete(':id')
  @HttpCode(204)
  async close(@Param('id') id: string): Promise<void> {
    await this.zk.closeSession(parseSessionId(id));
  }
}
