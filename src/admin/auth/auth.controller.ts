import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { remoteAddress } from '../../transports/rest/client-context';
import type { LoginJson, MeJson } from '../admin-api-types';
import { AuditService } from '../audit/audit.service';
import { CurrentActor, type Actor } from './actor';
import { AdminAuthGuard } from './admin-auth.guard';
import { ADMIN_COOKIE, readCookie } from './admin-cookie';
import { AdminCredentials } from './admin-credentials';
import { AdminIdentity } from './admin-identity';
import { LoginSessions } from './login-sessions';
import { LoginThrottle } from './login-throttle';

/** Dashboard login and logout: a session cookie (HttpOnly, SameSite=Strict) for the admin API. */
@ApiTags('admin')
@Controller('api/v1/admin')
export class AuthController {
  constructor(
    private readonly credentials: AdminCredentials,
    private readonly logins: LoginSessions,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly identity: AdminIdentity,
  ) {}

  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: { user?: unknown; password?: unknown } | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginJson> {
    const user = typeof body?.user === 'string' ? body.user : '';
    const password = typeof body?.password === 'string' ? body.password : '';
    const actor: Actor = { user: user || '(none)', remoteAddress: remoteAddress(req) };
    if (!this.throttle.allowed(actor.remoteAddress)) {
      await this.audit.record(actor, 'login', user, 'Throttled');
      throw new ZkError(ZkCode.Throttled, undefined, 'too many failed logins; try again later');
    }
    if (!(await this.credentials.verify(user, password))) {
      this.throttle.failed(actor.remoteAddress);
      await this.audit.record(actor, 'login', user, 'AuthFailed');
      throw new ZkError(ZkCode.AuthFailed, undefined, 'wrong user name or password');
    }
    this.throttle.succeeded(actor.remoteAddress);
    const { cookie, session } = this.logins.issue(this.credentials.user);
    res.cookie(ADMIN_COOKIE, cookie, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: '/',
      maxAge: this.logins.ttlMs,
    });
    await this.audit.record(actor, 'login', user, 'Ok');
    return {
      user: session.user,
      expiresAt: session.expiresAt,
      superUser: this.identity.superUser,
    };
  }

  @Post('logout')
  @HttpCode(204)
  @UseGuards(AdminAuthGuard)
  @ApiCookieAuth()
  async logout(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    this.logins.revoke(readCookie(req.headers.cookie, ADMIN_COOKIE));
    res.clearCookie(ADMIN_COOKIE, { path: '/' });
    await this.audit.record(actor, 'logout', actor.user, 'Ok');
  }

  @Get('me')
  @UseGuards(AdminAuthGuard)
  @ApiCookieAuth()
  me(@CurrentActor() actor: Actor): MeJson {
    return { user: actor.user, superUser: this.identity.superUser };
  }
}
