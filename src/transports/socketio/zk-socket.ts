import type { Namespace, Socket } from 'socket.io';
import type { SessionInfo } from '../../core/coordinator-types';
import type { ClientToServer, ServerToClient } from '../../protocol/wire/socketio-events';

/** What the handshake leaves on a socket; other gateways of the namespace may read it. */
export interface ZkSocketData {
  session: SessionInfo;
  resumed: boolean;
}

export type ZkSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, ZkSocketData>;
export type ZkNamespace = Namespace<
  ClientToServer,
  ServerToClient,
  Record<string, never>,
  ZkSocketData
>;
