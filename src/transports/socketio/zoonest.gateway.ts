import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { Coordinator } from '../../core/coordinator';
import type { Settings } from '../../server/settings';
import { SETTINGS } from '../../server/tokens';
import { NAMESPACE } from '../../protocol/wire/socketio-events';
import { SessionConnections } from './session-connections';
import { handshakeMiddleware } from './session-handshake';
import { ZoonestConnection } from './zoonest-connection';
import type { ZkNamespace, ZkSocket } from './zk-socket';

/**
 * Namespace `/zoonest`: each socket holds one session (opened or resumed in the handshake),
 * asks for Coordinator calls with acknowledged events and is pushed its watch events.
 */
@WebSocketGateway({ namespace: NAMESPACE })
export class ZoonestGateway
  implements
    OnGatewayInit<ZkNamespace>,
    OnGatewayConnection<ZkSocket>,
    OnGatewayDisconnect<ZkSocket>,
    OnModuleDestroy
{
  private readonly log = new Logger(ZoonestGateway.name);
  private readonly connections = new WeakMap<ZkSocket, ZoonestConnection>();
  private readonly sessions = new SessionConnections();
  private stopListening: () => void = () => undefined;

  constructor(
    private readonly zk: Coordinator,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  afterInit(namespace: ZkNamespace): void {
    namespace.use(handshakeMiddleware(this.zk, (err) => this.unexpected('handshake', err)));
    const stopClosed = this.zk.onSessionClosed((sessionId) => {
      for (const conn of this.sessions.of(sessionId)) conn.sessionClosed();
    });
    // A replica that reloaded its state drops every client; they reconnect with their sessions.
    const stopReload = this.zk.onReload(() => namespace.disconnectSockets());
    this.stopListening = () => {
      stopClosed();
      stopReload();
    };
  }

  handleConnection(socket: ZkSocket): void {
    const { session, resumed } = socket.data;
    const conn = new ZoonestConnection(socket, {
      zk: this.zk,
      maxMultiOps: this.settings.maxMultiOps,
      log: this.log,
    });
    try {
      this.zk.attach(conn.sessionId);
    } catch {
      // Ended between the handshake and now.
      socket.emit('sessionClosed', { sessionId: session.sessionId.toString(), reason: 'expired' });
      socket.disconnect();
      return;
    }
    // As ZooKeeper does when a client reconnects: the session's older connection is closed.
    for (const old of this.sessions.of(conn.sessionId)) old.socket.disconnect();
    this.connections.set(socket, conn);
    this.sessions.add(conn);
    socket.onAny((event: string, ...args: unknown[]) => conn.handle(event, args));
    socket.emit('session', {
      sessionId: session.sessionId.toString(),
      password: session.password.toString('base64'),
      timeoutMs: session.timeoutMs,
      resumed,
      lastZxid: this.zk.lastZxid,
    });
  }

  handleDisconnect(socket: ZkSocket): void {
    const conn = this.connections.get(socket);
    if (!conn) return;
    this.connections.delete(socket);
    this.sessions.remove(conn);
    conn.close();
  }

  onModuleDestroy(): void {
    this.stopListening();
  }

  private unexpected(where: string, err: unknown): void {
    this.log.error(`${where}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}
