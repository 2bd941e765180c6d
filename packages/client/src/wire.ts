import type { Socket } from 'socket.io-client';
import type { Ack, ClientToServer, ServerToClient } from '@zoonest/protocol/wire/socketio-events';

export type ZoonestSocket = Socket<ServerToClient, ClientToServer>;

export type RequestName = keyof ClientToServer;
export type RequestOf<E extends RequestName> = Parameters<ClientToServer[E]>[0];
export type ReplyOf<E extends RequestName> =
  Parameters<ClientToServer[E]>[1] extends Ack<infer T> ? T : never;

type LooseEmit = (event: string, payload: unknown, ack: (...args: unknown[]) => void) => void;

/** Emits one request with its ack; the typed socket cannot take a generic event name. */
export function emitRequest(
  socket: ZoonestSocket,
  event: RequestName,
  payload: unknown,
  ack: (error: unknown, result: unknown) => void,
): void {
  (socket.emit as unknown as LooseEmit).call(socket, event, payload, ack);
}
