import type { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';

/** Why a wait was cut short: its session ended, or the client or the server went away. */
export function abortedError(zk: Coordinator, ctx: ClientContext): ZkError {
  if (ctx.sessionId !== 0n && !zk.session(ctx.sessionId))
    return ZkError.sessionExpired(ctx.sessionId);
  return new ZkError(ZkCode.ConnectionLoss, undefined, 'the wait was cancelled');
}
