import { io, type Socket } from 'socket.io-client';
import type { ErrorJson } from '../../src/protocol/wire/error-json';
import {
  NAMESPACE,
  type Ack,
  type ClientToServer,
  type HandshakeAuth,
  type ServerToClient,
  type SessionEvent,
} from '../../src/protocol/wire/socketio-events';

export type ZkClient = Socket<ServerToClient, ClientToServer>;
type RequestOf<E extends keyof ClientToServer> = Parameters<ClientToServer[E]>[0];
type ResultOf<E extends keyof ClientToServer> =
  Parameters<ClientToServer[E]>[1] extends Ack<infer T> ? T : never;

export interface Reply<T> {
  error: ErrorJson | null;
  result?: T;
}

const opened: Socket[] = [];

/** A raw socket to `/zoonest`, not yet connected; closed by `closeClients`. */
export function socketTo(url: string, auth: HandshakeAuth = {}): ZkClient {
  const socket: ZkClient = io(`${url}${NAMESPACE}`, {
    transports: ['websocket'],
    auth,
    forceNew: true,
    reconnection: false,
  });
  opened.push(socket);
  return socket;
}

/** A handshake the server refused; `data` is the error it sent with connect_error. */
export class HandshakeRefused extends Error {
  constructor(readonly data: ErrorJson) {
    super(`handshake refused: ${data.name}`);
  }
}

/** Connects and waits for the `session` event; rejects with HandshakeRefused. */
export async function connect(
  url: string,
  auth: HandshakeAuth = {},
): Promise<{ socket: ZkClient; session: SessionEvent }> {
  const socket = socketTo(url, auth);
  const session = await new Promise<SessionEvent>((resolve, reject) => {
    socket.once('session', resolve);
    socket.once('connect_error', (err: Error & { data?: ErrorJson }) =>
      reject(err.data ? new HandshakeRefused(err.data) : err),
    );
  });
  return { socket, session };
}

/** The error of a refused handshake (its connect_error `data`). */
export async function refused(url: string, auth: HandshakeAuth): Promise<ErrorJson> {
  try {
    await connect(url, auth);
  } catch (err) {
    if (err instanceof HandshakeRefused) return err.data;
    throw err;
  }
  throw new Error('the handshake was accepted');
}

/**
 * Sends one request and resolves with its ack, error or result. `onAck` runs inside the ack,
 * to record ordering: a promise continuation runs only after other events of the same read.
 */
export function call<E extends keyof ClientToServer>(
  socket: ZkClient,
  event: E,
  req: RequestOf<E>,
  onAck?: () => void,
): Promise<Reply<ResultOf<E>>> {
  return new Promise((resolve) => {
    const ack = (error: ErrorJson | null, result?: ResultOf<E>): void => {
      onAck?.();
      resolve({ error, result });
    };
    (socket.emit as (ev: string, ...args: unknown[]) => void)(event, req, ack);
  });
}

/** The result of a request that must succeed. */
export async function ok<E extends keyof ClientToServer>(
  socket: ZkClient,
  event: E,
  req: RequestOf<E>,
): Promise<ResultOf<E>> {
  const { error, result } = await call(socket, event, req);
  if (error) throw new Error(`${event} failed: ${JSON.stringify(error)}`);
  return result as ResultOf<E>;
}

/** The error of a request that must fail. */
export async function failure<E extends keyof ClientToServer>(
  socket: ZkClient,
  event: E,
  req: RequestOf<E>,
): Promise<ErrorJson> {
  const { error, result } = await call(socket, event, req);
  if (!error) throw new Error(`${event} succeeded: ${JSON.stringify(result)}`);
  return error;
}

/** Sends anything at all, to see how the server takes malformed requests. */
export function raw(socket: ZkClient, event: string, ...args: unknown[]): void {
  (socket.emit as (ev: string, ...rest: unknown[]) => void)(event, ...args);
}

/** Every event of one kind a socket receives from now on. */
export function collect<E extends keyof ServerToClient>(
  socket: ZkClient,
  event: E,
): Array<Parameters<ServerToClient[E]>[0]> {
  const seen: Array<Parameters<ServerToClient[E]>[0]> = [];
  (socket.on as (ev: string, fn: (payload: unknown) => void) => void)(event, (payload) =>
    seen.push(payload as Parameters<ServerToClient[E]>[0]),
  );
  return seen;
}

/** Resolves when the socket is disconnected, with the reason. */
export function disconnected(socket: ZkClient): Promise<string> {
  if (socket.disconnected) return Promise.resolve('already');
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
}

export function closeClients(): void {
  for (const socket of opened.splice(0)) socket.close();
}
