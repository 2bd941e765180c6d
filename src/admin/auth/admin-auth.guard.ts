import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { remoteAddress } from '../../transports/rest/client-context';
import type { AdminRequest } from './actor';
import { ADMIN_COOKIE, readCookie } from './admin-cookie';
import { AdminIdentity } from './admin-identity';
import { LoginSessions } from './login-sessions';

/** Lets through only requests with a live dashboard login; the rest get 401 AuthFailed. */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(
    private readonly logins: LoginSessions,
    private readonly identity: AdminIdentity,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<AdminRequest>();
    const session = this.logins.verify(readCookie(req.headers.cookie, ADMIN_COOKIE));
    if (!session) throw new ZkError(ZkCode.AuthFailed, undefined, 'log in to the dashboard first');
    req.actor = { user: session.user, remoteAddress: remoteAddress(req), ids: this.identity.ids };
    return true;
  }
}
