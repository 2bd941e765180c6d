import { io, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import type { ErrorJson } from '@zoonest/protocol/wire/error-json';
import {
  NAMESPACE,
  type ChangeEventJson,
  type HandshakeAuth,
  type SessionEvent,
  type WatchEventJson,
} from '@zoonest/protocol/wire/socketio-events';
import { backoffDelay, type BackoffOptions } from './backoff';
import type { ConnectionState } from './connection-state';
import { ErrorCode } from './error-code';
import type { RequestPipeline } from './request-pipeline';
import type { ServerList } from './server-list';
import type { ZoonestSocket } from './wire';
import { ZoonestError } from './zoonest-error';
import type { ZxidTracker } from './zxid-tracker';

export interface ConnectionSettings {
  servers: ServerList;
  sessionTimeoutMs: number;
  connectTimeoutMs: number;
  autoRenewSession: boolean;
  backoff: BackoffOptions;
  socketOptions: Partial<ManagerOptions & SocketOptions>;
}

/** What the client does when the connection changes; all called synchronously. */
export interface ConnectionHandler {
  /** A socket now carries the session: re-register, before queued requests flush. */
  ready(kind: 'connected' | 'reconnected' | 'newSession'): void;
  lost(): void;
  expired(): void;
  closed(): void;
  watch(event: WatchEventJson): void;
  change(event: ChangeEventJson): void;
  state(state: ConnectionState): void;
}

type Outcome = 'ready' | 'failed' | 'expired' | 'cleaned';

const CLOSE_SESSION_WAIT_MS = 2000;

/**
 * Opens the session and keeps it (Socket.IO's pings, tuned by the server to a third of the
 * shortest session timeout, notice a dead link); on a lost connection it runs a reconnect loop over
 * every listed server with backoff and jitter that resumes the same session while it lives
 * (socket.io's own reconnection only retries one URL). Like Curator, it declares the session
 * expired once it stayed away for the session timeout, and then (autoRenewSession) opens a new
 * one, first closing the old one if a restarted server still kept it.
 */
export class ConnectionManager {
  private current: ConnectionState = 'suspended';
  private everConnected = false;
  private session: SessionEvent | undefined;
  /** A session this client declared expired that the server may still keep. */
  private stale: { sessionId: string; password: string } | undefined;
  private socket: ZoonestSocket | undefined;
  private attemptSocket: ZoonestSocket | undefined;
  private closed = false;
  private running = false;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  private sleeper: { timer: ReturnType<typeof setTimeout>; wake: () => void } | undefined;
  private lastError = 'no attempt made';
  private first:
    | { resolve: () => void; reject: (err: unknown) => void; timer: ReturnType<typeof setTimeout> }
    | undefined;

  constructor(
    private readonly settings: ConnectionSettings,
    private readonly pipeline: RequestPipeline,
    private readonly zxids: ZxidTracker,
    private readonly handler: ConnectionHandler,
  ) {}

  get state(): ConnectionState {
    return this.current;
  }

  get sessionId(): string | undefined {
    return this.session?.sessionId;
  }

  /** The timeout the server granted (it clamps the requested one into its range). */
  get sessionTimeoutMs(): number {
    return this.session?.timeoutMs ?? this.settings.sessionTimeoutMs;
  }

  get serverUrl(): string {
    return this.settings.servers.current;
  }

  /** Resolves once the first session is open; fails after connectTimeoutMs. */
  start(): Promise<void> {
    const { connectTimeoutMs, servers } = this.settings;
    const opened = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.first = undefined;
        reject(
          ZoonestError.connectionLoss(
            `could not open a session on ${servers.urls.join(', ')} within ${connectTimeoutMs} ms (${this.lastError})`,
          ),
        );
      }, connectTimeoutMs);
      this.first = { resolve, reject, timer };
    });
    void this.run();
    return opened;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.clearTimers();
    this.sleeper?.wake();
    this.attemptSocket?.disconnect();
    const socket = this.socket;
    if (socket && this.session) await closeSession(socket);
    this.dropSocket();
    const err = ZoonestError.connectionLoss('the client is closed');
    this.pipeline.refuse(err);
    this.pipeline.failAll(err);
    if (this.first) {
      clearTimeout(this.first.timer);
      this.first.reject(err);
      this.first = undefined;
    }
    this.setState('closed');
    this.handler.closed();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      let failures = 0;
      let rounds = 0;
      while (!this.closed && !this.socket) {
        if (!this.session && this.everConnected && !this.settings.autoRenewSession) return;
        const outcome = await this.attempt(this.settings.servers.current);
        if (outcome === 'ready' || this.closed) return;
        if (outcome === 'expired' || outcome === 'cleaned') continue;
        this.settings.servers.advance();
        failures += 1;
        if (failures % this.settings.servers.size === 0) {
          await this.sleep(backoffDelay(rounds++, this.settings.backoff));
        }
      }
    } finally {
      this.running = false;
    }
  }

  private handshake(): HandshakeAuth {
    const lastZxid = this.zxids.last;
    if (this.stale) return { ...this.stale, lastZxid };
    if (this.session) {
      return { sessionId: this.session.sessionId, password: this.session.password, lastZxid };
    }
    return { timeoutMs: this.settings.sessionTimeoutMs };
  }

  private attempt(url: string): Promise<Outcome> {
    const { sessionTimeoutMs, connectTimeoutMs, servers, socketOptions } = this.settings;
    const limit = Math.min(
      connectTimeoutMs,
      Math.max(1000, Math.floor(sessionTimeoutMs / servers.size)),
    );
    const socket: ZoonestSocket = io(`${url}${NAMESPACE}`, {
      ...socketOptions,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: limit,
      auth: this.handshake(),
    });
    this.attemptSocket = socket;
    const withStale = this.stale !== undefined;
    return new Promise<Outcome>((resolve) => {
      let done = false;
      let cleaning = false;
      const finish = (outcome: Outcome, error?: string) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.attemptSocket = undefined;
        if (error) this.lastError = error;

        if (outcome !== 'ready') {
          socket.removeAllListeners();
          socket.disconnect();
        }
        resolve(outcome);
      };
      const timer = setTimeout(
        () => finish('failed', `${url}: no session within ${limit} ms`),
        limit,
      );

      socket.on('connect_error', (err: ConnectError) => {
        const data = err.data;
        if (data?.code === ErrorCode.SessionExpired || data?.name === 'SessionExpired') {
          if (this.stale) this.stale = undefined;
          else this.sessionGone();
          finish('expired');
        } else {
          // The server refused to take the given-up session back: closing it is only a
          // courtesy, so it must not stand in the way of the new one.
          if (withStale && data) this.stale = undefined;
          finish('failed', `${url}: ${data?.message ?? describe(err)}`);
        }
      });
      socket.on('disconnect', (reason) => {
        if (!done) finish(cleaning ? 'cleaned' : 'failed', `${url}: disconnected (${reason})`);
        else if (this.socket === socket) this.connectionLost();
      });
      socket.on('session', (event) => {
        if (done) return;
        if (this.closed) {
          // Closed while connecting: do not leave a fresh session behind to time out.
          void closeSession(socket).then(() => finish('failed', 'closed'));
          return;
        }
        if (this.stale) {
          // A restarted server kept the session we gave up on: close it, so its ephemerals go.
          this.stale = undefined;
          cleaning = true;
          void closeSession(socket).then(() => finish('cleaned'));
          return;
        }
        done = true;
        clearTimeout(timer);
        this.attemptSocket = undefined;
        this.install(socket, event);
        resolve('ready');
      });
      socket.on('watch', (event) => {
        if (this.socket === socket) this.handler.watch(event);
      });
      socket.on('change', (event) => {
        if (this.socket === socket) this.handler.change(event);
      });
      socket.on('sessionClosed', () => {
        if (this.socket !== socket || this.closed) return;
        this.sessionGone();
        this.connectionLost();
      });
    });
  }

  private install(socket: ZoonestSocket, event: SessionEvent): void {
    const kind: 'connected' | 'reconnected' | 'newSession' = !this.everConnected
      ? 'connected'
      : this.session?.sessionId === event.sessionId
        ? 'reconnected'
        : 'newSession';
    this.everConnected = true;
    this.session = event;
    this.socket = socket;
    this.zxids.see(event.lastZxid);
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
    this.pipeline.attach(socket);
    this.handler.ready(kind);
    this.pipeline.flush();
    this.setState(kind);
    if (this.first) {
      clearTimeout(this.first.timer);
      this.first.resolve();
      this.first = undefined;
    }
  }

  /** The connection is gone; the session may live on. */
  private connectionLost(): void {
    if (!this.socket) return;
    this.dropSocket();
    this.pipeline.detach();
    this.handler.lost();
    if (this.closed) return;
    if (this.session) {
      this.setState('suspended');
      const timeoutMs = this.session.timeoutMs;
      this.expiryTimer = setTimeout(() => this.expireLocally(), timeoutMs);
    }
    void this.run();
  }

  private expireLocally(): void {
    this.expiryTimer = undefined;
    if (!this.session || this.socket) return;
    this.stale = { sessionId: this.session.sessionId, password: this.session.password };
    this.sessionGone();
  }

  /** The session ended: what waited for it fails, and a new one follows if allowed. */
  private sessionGone(): void {
    if (!this.session) return;
    const id = this.session.sessionId;
    this.session = undefined;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
    const err = ZoonestError.sessionExpired(`session ${id} expired`);
    this.pipeline.failQueued(err);
    if (!this.settings.autoRenewSession) {
      this.pipeline.refuse(
        ZoonestError.sessionExpired(`session ${id} expired and autoRenewSession is off`),
      );
    }
    this.setState('expired');
    this.handler.expired();
  }

  private dropSocket(): void {
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
  }

  private clearTimers(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleeper = undefined;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleeper = { timer, wake };
    });
  }

  private setState(state: ConnectionState): void {
    if (this.current === state && state !== 'newSession') return;
    this.current = state;
    this.handler.state(state);
  }
}

/** A handshake refusal carries the server's error as `data`; a transport error its cause. */
type ConnectError = Error & { data?: Partial<ErrorJson>; description?: { message?: unknown } };

function describe(err: ConnectError): string {
  const cause = err.description?.message;
  return typeof cause === 'string' && cause !== '' ? cause : err.message;
}

/** Asks the server to close the session (its ephemerals go at once); bounded wait. */
function closeSession(socket: ZoonestSocket): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, CLOSE_SESSION_WAIT_MS);
    socket.emit('closeSession', {}, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
