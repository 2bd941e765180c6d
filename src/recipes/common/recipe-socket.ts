import type { Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import type { ClientContext } from '../../core/coordinator-types';
import { isZkError } from '../../core/zk-error';
import { errorToJson } from '../../transports/json/error-json';
import type { ZkSocketData } from '../../transports/socketio/zk-socket';
import { bodyFields, type Fields } from './recipe-fields';
import { certificateIds } from '../../transports/tls-peer';
import type { SessionSignals } from './session-signals';

export interface SocketCall {
  ctx: ClientContext;
  /** Fires when the socket disconnects or its session ends. */
  signal: AbortSignal;
}

export type RecipeHandler = (call: SocketCall, req: Fields) => Promise<unknown>;

const calls = new WeakMap<Socket, SocketCall>();

/**
 * The caller every recipe's events on `socket` act as, made once per socket: its session is
 * held, and one disconnect listener ends it for all the recipes together.
 */
function recipeCall(socket: Socket, sessions: SessionSignals): SocketCall | undefined {
  const known = calls.get(socket);
  if (known) return known;
  const data = socket.data as Partial<ZkSocketData>;
  if (!data.session) return undefined;
  const ctx: ClientContext = {
    sessionId: data.session.sessionId,
    remoteAddress: socket.handshake.address,
    ids: certificateIds(socket.request.socket),
  };
  const held = sessions.hold(ctx.sessionId);
  const hangUp = new AbortController();
  socket.once('disconnect', () => {
    hangUp.abort();
    held.release();
  });
  const call = { ctx, signal: AbortSignal.any([hangUp.signal, held.signal]) };
  calls.set(socket, call);
  return call;
}

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
  const call = recipeCall(socket, sessions);
  if (!call) return; // refused in the handshake
  for (const [event, handler] of Object.entries(handlers)) {
    socket.on(event, (...args: unknown[]) => {
      const ack = args[args.length - 1];
      if (typeof ack !== 'function') return; // nowhere to answer
      const reply = ack as (error: unknown, result?: unknown) => void;
      (async () => handler(call, bodyFields(args.length > 1 ? args[0] : undefined)))().then(
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
