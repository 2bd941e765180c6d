import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import type { BackoffOptions } from './backoff';

/** Credentials proven with addAuth, e.g. `{ scheme: 'digest', credentials: 'bob:secret' }`. */
export interface AuthInfo {
  scheme: string;
  credentials: string;
}

export interface ZoonestClientOptions {
  /** Server URLs ("http://host:port"), tried in order; a comma-separated string works too. */
  servers: readonly string[] | string;
  /** The session timeout asked for; the server clamps it into its own range. Default 15 000. */
  sessionTimeoutMs?: number;
  /** Credentials proven on every connection, before any request. */
  auth?: AuthInfo | readonly AuthInfo[];
  /** After `expired`, open a new session and report `newSession` (Curator). Default true. */
  autoRenewSession?: boolean;
  /** How long `connect()` waits for the first session. Default 15 000. */
  connectTimeoutMs?: number;
  /** Requests held while disconnected before new ones fail with ConnectionLoss. Default 1000. */
  maxQueuedRequests?: number;
  /** Delays between rounds of reconnect attempts over all servers. */
  retry?: Partial<BackoffOptions>;
  /** Passed to socket.io-client (e.g. `path`, `extraHeaders`). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

export interface ResolvedOptions {
  servers: string[];
  sessionTimeoutMs: number;
  auth: AuthInfo[];
  autoRenewSession: boolean;
  connectTimeoutMs: number;
  maxQueuedRequests: number;
  retry: BackoffOptions;
  socketOptions: Partial<ManagerOptions & SocketOptions>;
}

export function resolveOptions(opts: ZoonestClientOptions): ResolvedOptions {
  const servers = typeof opts.servers === 'string' ? opts.servers.split(',') : [...opts.servers];
  const auth = opts.auth === undefined ? [] : Array.isArray(opts.auth) ? opts.auth : [opts.auth];
  return {
    servers: servers.map((s) => s.trim()).filter((s) => s !== ''),
    sessionTimeoutMs: opts.sessionTimeoutMs ?? 15_000,
    auth: (auth as AuthInfo[]).map((a) => ({ scheme: a.scheme, credentials: a.credentials })),
    autoRenewSession: opts.autoRenewSession ?? true,
    connectTimeoutMs: opts.connectTimeoutMs ?? 15_000,
    maxQueuedRequests: opts.maxQueuedRequests ?? 1000,
    retry: { initialDelayMs: 100, maxDelayMs: 2000, ...opts.retry },
    socketOptions: opts.socketOptions ?? {},
  };
}
