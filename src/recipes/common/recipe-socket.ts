import type { Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import type { ClientContext } from '../../core/coordinator-types';
import { isZkError } from '../../core/zk-error';
import { errorToJson } from '../../transports/json/error-json';
import type { ZkSocketData } from '../../transports/socketio/zk-socket';
import { bodyFields, type Fields } from './recipe-fields';
import type { SessionSignals } from './session-signals';

export interface SocketCall {
  ctx: ClientContext;
  /** Fires when the socket disconnects or its session ends. */
  signal: AbortSignal;
}

export type RecipeHandler = (call: SocketCall, req: Fields) => Promise<unknown>;

/**
 * Binds a recipe's events on a `/zoonest` socket. Each is acknowledged as the namespace's own
 * operations are, `(error, result)`, and acts for the socket's session (so what it holds goes
 * with that session). Blocking calls wait as long as the REST long polls do. Errors that are
 * not a ZkError are logged on `log` too.
 */
export function bindRecipeEvents(
  socket: Socket,
  sessions: SessionSignals,
  handlers: Record<string, RecipeHandler>,
  log: Logger,
): void {
  const data = socket.data as Partial<ZkSocketData>;
  if (!data.session) return; // refused in the handshake
  const ctx: ClientContext = {
    sessionId: data.session.sessionId,
    remoteAddress: socket.handshake.address,
  };
  const held = sessions.hold(ctx.sessionId);
  const hangUp = new AbortController();
  const signal = AbortSignal.any([hangUp.signal, held.signal]);
  socket.once('disconnect', () => {
    hangUp.abort();
    held.release();
  });
  for (const [event, handler] of Object.entries(handlers)) {
    socket.on(event, (...args: unknown[]) => {
      const ack = args[args.length - 1];
      if (typeof ack !== 'function') return; // nowhere to answer
      const reply = ack as (error: unknown, result?: unknown) => void;
      (async () =>
        handler({ ctx, signal }, bodyFields(args.length > 1 ? args[0] : undefined)))().then(
        (result) => reply(null, result),
        (err: unknown) => {
          if (!isZkError(err))
            log.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
          reply(errorToJson(err));
        },
      );
    });
  }
}
