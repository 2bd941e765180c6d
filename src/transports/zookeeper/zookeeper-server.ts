import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { Coordinator } from '../../core/coordinator';
import { MetricsService } from '../../ops/metrics.service';
import { ReplicaService } from '../../server/replica.service';
import type { Settings } from '../../server/settings';
import type { ServerEnsemble } from '../../server/local-ensemble';
import { tlsServerOptions } from '../../server/tls-options';
import { ENSEMBLE, SETTINGS } from '../../server/tokens';
import { admitTlsPeer } from '../tls-peer';
import { gatherServerFacts, gatherSessionFacts } from './gather-server-facts';
import { WireStats } from './latency-stats';
import { ConnectionCounts } from './connection-counts';
import type { ServerFacts, ServerReport, SessionFacts } from './server-facts';
import { ZkConnection, type ConnectionHost } from './zk-connection';

/**
 * The ZooKeeper wire protocol on settings.zkPort: accepts connections and keeps one connection
 * per session, closing a session's connection when the session ends, as ZooKeeper does.
 */
@Injectable()
export class ZookeeperServer
  implements ConnectionHost, ServerReport, OnApplicationBootstrap, OnModuleDestroy
{
  readonly log = new Logger('ZookeeperServer');
  readonly stats = new WireStats();
  private readonly server: Server;
  private readonly secureServer: TlsServer;
  private readonly connections = new Set<ZkConnection>();
  private readonly bySession = new Map<bigint, ZkConnection>();
  private readonly perAddress = new ConnectionCounts();
  private readonly startedMs = Date.now();
  private stopListening: () => void = () => undefined;

  constructor(
    readonly zk: Coordinator,
    @Inject(SETTINGS) readonly settings: Settings,
    private readonly replica: ReplicaService,
    @Optional() private readonly metrics?: MetricsService,
    @Optional() @Inject(ENSEMBLE) private readonly ensemble?: ServerEnsemble,
  ) {
    this.server = createServer((socket) => this.accept(socket));
    this.secureServer = createTlsServer(
      settings.tls ? tlsServerOptions(settings.tls) : {},
      (socket) => {
        if (admitTlsPeer(socket)) return this.accept(socket);
        this.log.warn(
          `closing a TLS connection from ${socket.remoteAddress}: untrusted certificate`,
        );
        socket.destroy();
      },
    );
    this.secureServer.on('tlsClientError', (err, socket) => {
      this.log.warn(`TLS handshake with ${socket.remoteAddress} failed: ${err.message}`);
    });
  }

  /** The port actually bound (settings.zkPort may be 0); -1 when plaintext is off. */
  get port(): number {
    return boundPort(this.server);
  }

  /** ZooKeeper's secureClientPort as bound; -1 when off. */
  get securePort(): number {
    return boundPort(this.secureServer);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.metrics?.bindWireProtocol(() => ({
      connections: this.connections.size,
      packetsReceived: this.stats.packetsReceived,
      packetsSent: this.stats.packetsSent,
    }));
    const stopClosed = this.zk.onSessionClosed((sessionId) => {
      this.bySession.get(sessionId)?.sessionEnded();
    });
    // A replica that reloaded its state drops every client; they reconnect with their sessions.
    const stopReload = this.zk.onReload(() => {
      for (const conn of this.connections) conn.shutdown();
    });
    const stopMoved = this.replica.onSessionMoved(
      () => this.bySession.keys(),
      (sessionId) => this.bySession.get(sessionId)?.sessionMoved(),
    );
    this.stopListening = () => {
      stopClosed();
      stopReload();
      stopMoved();
    };
    const { zkPort, zkSecurePort, host } = this.settings;
    if (zkPort !== -1) await this.listen(this.server, zkPort);
    if (zkSecurePort !== -1) await this.listen(this.secureServer, zkSecurePort);
    const announced = this.port !== -1 ? this.port : this.securePort;
    this.replica.zkPort = announced;
    this.ensemble?.announce(announced);
    this.log.log(
      `ZooKeeper protocol on ${host}: port ${this.port}, secure port ${this.securePort}`,
    );
  }

  private async listen(server: Server, port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.settings.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (err) => this.log.error(`zookeeper listener: ${err.message}`));
  }

  /** Before the store closes: stop accepting and drop every connection; sessions live on. */
  async onModuleDestroy(): Promise<void> {
    this.stopListening();
    const closed = [this.server, this.secureServer]
      .filter((s) => s.listening)
      .map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
    for (const conn of this.connections) conn.shutdown();
    await Promise.all(closed);
  }

  facts(): ServerFacts {
    return gatherServerFacts({
      zk: this.zk,
      settings: this.settings,
      stats: this.stats,
      connections: this.connections,
      port: this.port,
      securePort: this.securePort,
      startedMs: this.startedMs,
      mode: this.replica.role,
    });
  }

  sessionFacts(): SessionFacts {
    return gatherSessionFacts(this.zk);
  }

  resetServerStats(): void {
    this.stats.reset();
  }

  resetConnectionStats(): void {
    for (const conn of this.connections) conn.stats.reset();
  }

  claim(conn: ZkConnection): void {
    const older = this.bySession.get(conn.sessionId);
    this.bySession.set(conn.sessionId, conn);
    // A client that reconnects leaves its old connection behind; ZooKeeper closes it.
    if (older && older !== conn) older.shutdown();
  }

  released(conn: ZkConnection): void {
    this.connections.delete(conn);
    if (this.bySession.get(conn.sessionId) === conn) this.bySession.delete(conn.sessionId);
  }

  private accept(socket: Socket): void {
    const address = socket.remoteAddress ?? '';
    const limit = this.settings.zkMaxConnectionsPerIp;
    if (limit > 0 && this.perAddress.count(address) >= limit) {
      // As ZooKeeper answers a client over maxClientCnxns: no reply, the connection closed.
      this.log.warn(`refused a connection from ${address}: it holds ${limit} already`);
      socket.destroy();
      return;
    }
    this.perAddress.add(address);
    socket.once('close', () => this.perAddress.remove(address));
    this.connections.add(new ZkConnection(socket, this));
  }
}

function boundPort(server: Server): number {
  return (server.address() as AddressInfo | null)?.port ?? -1;
}
