import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthId } from '../../core/acl';

/** Who is acting through the dashboard: the logged-in user and where the request came from. */
export interface Actor {
  user: string;
  remoteAddress: string;
  /** The identities the dashboard acts with (AdminIdentity): the super user's, or none. */
  ids?: readonly AuthId[];
}

export type AdminRequest = Request & { actor?: Actor };

/** The Actor that AdminAuthGuard attached to the request. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AdminRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without AdminAuthGuard');
  return actor;
});
