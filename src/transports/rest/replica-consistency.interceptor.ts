import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, switchMap, tap, type Observable } from 'rxjs';
import { Coordinator } from '../../core/coordinator';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { namedSessionId, ZXID_HEADER } from './client-context';

/**
 * REST on a cluster, where any replica may answer: a request that carries `X-Zoonest-Zxid`
 * waits until this replica has applied that zxid (so a client never sees the state go back),
 * a session opened through another replica a moment ago is looked up in the log, and every
 * answer says the zxid it was served at.
 */
@Injectable()
export class ReplicaConsistencyInterceptor implements NestInterceptor {
  constructor(private readonly zk: Coordinator) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    return from(this.ready(req)).pipe(
      switchMap(() => next.handle()),
      tap(() => {
        if (!res.headersSent) res.setHeader(ZXID_HEADER, String(this.zk.lastZxid));
      }),
    );
  }

  private async ready(req: Request): Promise<void> {
    const seen = parseZxid(req.headers[ZXID_HEADER]);
    if (seen !== undefined && !(await this.zk.caughtUpTo(seen))) {
      throw new ZkError(
        ZkCode.ConnectionLoss,
        undefined,
        `the client has seen zxid ${seen} but this server is at ${this.zk.lastZxid}; try another server`,
      );
    }
    const sessionId = namedSessionId(req);
    if (sessionId !== undefined && !this.zk.hasSession(sessionId)) await this.zk.catchUp();
  }
}

function parseZxid(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === '') return undefined;
  const zxid = Number(value);
  if (!Number.isSafeInteger(zxid) || zxid < 0) {
    throw ZkError.badArguments(`${ZXID_HEADER} must be a non-negative integer, got "${value}"`);
  }
  return zxid;
}
