import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { ZkError } from '../../core/zk-error';
import { clientContext, SESSION_HEADER } from '../../transports/rest/client-context';
import { SessionSignals } from './session-signals';

export interface RecipeCall {
  ctx: ClientContext;
  /** Fires when the HTTP client goes away, the session ends or the server stops. */
  signal: AbortSignal;
}

/**
 * How a recipe controller runs a call for the session in `X-Zoonest-Session`: while the call
 * waits (a long poll), the session is held open as a connection holds it, and the wait ends if
 * the client hangs up or the session ends.
 */
@Injectable()
export class RecipeCalls {
  constructor(
    private readonly zk: Coordinator,
    private readonly sessions: SessionSignals,
  ) {}

  context(req: Request, needsSession: boolean): ClientContext {
    const ctx = clientContext(req, this.zk);
    if (needsSession && ctx.sessionId === 0n) {
      throw ZkError.badArguments(
        `this call acts for a session: send ${SESSION_HEADER}: {sessionId}:{password} (POST /api/v1/sessions opens one)`,
      );
    }
    return ctx;
  }

  async run<T>(
    req: Request,
    res: Response,
    needsSession: boolean,
    fn: (call: RecipeCall) => Promise<T>,
  ): Promise<T> {
    const ctx = this.context(req, needsSession);
    const hangUp = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) hangUp.abort();
    };
    res.on('close', onClose);
    const held = this.sessions.hold(ctx.sessionId);
    const attached = ctx.sessionId !== 0n;
    if (attached) this.zk.attach(ctx.sessionId);
    try {
      return await fn({ ctx, signal: AbortSignal.any([hangUp.signal, held.signal]) });
    } finally {
      res.off('close', onClose);
      held.release();
      if (attached) this.zk.detach(ctx.sessionId);
    }
  }
}
