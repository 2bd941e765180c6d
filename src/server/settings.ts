import { z } from 'zod';
import { hashPassword, type PasswordHash } from '../admin/auth/password-hash';
import { ANSWERED_WORDS, type AnsweredWord } from '../transports/zookeeper/four-letter-words';

const int = (min: number) => z.coerce.number().int().min(min);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The schemes a session can prove an identity with (ZooKeeper's authentication providers). */
const AUTH_SCHEMES = ['digest', 'ip', 'x509'] as const;
/** A listener's port; -1 turns the listener off, 0 takes any free port. */
const port = (byDefault: number) => z.coerce.number().int().min(-1).max(65535).default(byDefault);
const file = z.string().min(1);

/**
 * ZooKeeper's 4lw.commands.whitelist: words separated by commas, or `*` for all. srvr is always
 * on, as in ZooKeeper (its scripts ask it whether the server runs).
 */
const fourLetterWhitelist = z.string().transform((text, ctx): AnsweredWord[] => {
  const words = text
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
  if (words.includes('*')) return [...ANSWERED_WORDS];
  const unknown = words.filter((w) => !(ANSWERED_WORDS as readonly string[]).includes(w));
  if (unknown.length > 0) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `${unknown.join(', ')}: not a four-letter word Zoonest answers (${ANSWERED_WORDS.join(', ')}, or *)`,
    });
    return z.NEVER;
  }
  return ANSWERED_WORDS.filter((w) => w === 'srvr' || words.includes(w));
});

/** Every server setting, read from the environment. The README's settings table lists them. */
export const settingsSchema = z.object({
  ZOONEST_HTTP_PORT: port(8080),
  ZOONEST_ZK_PORT: port(2181),
  ZOONEST_HTTPS_PORT: port(-1),
  ZOONEST_ZK_SECURE_PORT: port(-1),
  ZOONEST_TLS_CERT_FILE: file.optional(),
  ZOONEST_TLS_KEY_FILE: file.optional(),
  ZOONEST_TLS_CA_FILE: file.optional(),
  ZOONEST_TLS_CLIENT_AUTH: z.enum(['none', 'want', 'need']).default('none'),
  ZOONEST_HOST: z.string().min(1).default('127.0.0.1'),
  ZOONEST_DATA_DIR: z.string().min(1).default('./data'),
  ZOONEST_DB_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave it unset for SQLite)')
    .optional(),
  ZOONEST_DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .optional(),
  ZOONEST_DB_MIGRATE: z.enum(['true', 'false']).default('true'),
  // ZooKeeper's jute.maxbuffer default: 1 MiB less one byte, so 1 MiB of data never fits.
  ZOONEST_JUTE_MAXBUFFER: int(1024).default(0xfffff),
  ZOONEST_REPLICA_NAME: z
    .string()
    .regex(/^[\w.:@-]{1,255}$/, 'must be 1 to 255 letters, digits or . : @ - _')
    .optional(),
  ZOONEST_FOLLOW_POLL_MS: int(10).default(1000),
  ZOONEST_SESSION_RENEW_MS: int(10).default(1000),
  ZOONEST_READY_MAX_LAG_TXNS: int(0).default(1000),
  ZOONEST_MIN_SESSION_TIMEOUT_MS: int(1).default(4000),
  ZOONEST_MAX_SESSION_TIMEOUT_MS: int(1).default(40000),
  ZOONEST_HISTORY_TXNS: int(1).default(100_000),
  ZOONEST_REAP_INTERVAL_MS: int(10).default(60_000),
  ZOONEST_SESSION_CHECK_MS: int(10).default(500),
  ZOONEST_MAX_PENDING_WRITES: int(1).default(50_000),
  ZOONEST_MAX_MULTI_OPS: int(1).default(10_000),
  ZOONEST_ZK_MAX_CONNECTIONS_PER_IP: int(0).default(60),
  ZOONEST_4LW_COMMANDS_WHITELIST: fourLetterWhitelist.default('srvr'),
  ZOONEST_XDS_PORT: int(0).max(65535).optional(),
  ZOONEST_XDS_PUSH_DELAY_MS: int(0).max(1000).default(20),
  ZOONEST_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  ZOONEST_ADMIN_USER: z
    .string()
    .regex(/^[^\s:]{1,64}$/, 'must be 1 to 64 characters without spaces or colons')
    .default('admin'),
  ZOONEST_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  ZOONEST_ADMIN_AS_SUPER_USER: bool.default('false'),
  ZOONEST_ENFORCE_AUTH_ENABLED: bool.default('false'),
  ZOONEST_ENFORCE_AUTH_SCHEMES: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((w) => w.trim())
        .filter((w) => w !== ''),
    )
    .pipe(z.array(z.enum(AUTH_SCHEMES)))
    .default(''),
  ZOONEST_SUPER_DIGEST: z
    .string()
    .regex(
      /^[^:\s]+:[A-Za-z0-9+/]{27}=$/,
      'must be user:base64(sha1("user:password")), as ZooKeeper\'s superDigest',
    )
    .optional(),
});

export type SettingsInput = z.input<typeof settingsSchema>;

export interface Settings {
  /** REST, Socket.IO and the dashboard in plaintext; -1: off. */
  httpPort: number;
  /** The ZooKeeper protocol in plaintext (clientPort); -1: off. */
  zkPort: number;
  /** The same over TLS (HTTPS and WSS); -1: off. */
  httpsPort: number;
  /** ZooKeeper's secureClientPort; -1: off. */
  zkSecurePort: number;
  /** Certificate, key and CA files of the TLS listeners; set whenever one of them is on. */
  tls?: TlsSettings;
  host: string;
  dataDir: string;
  dbUrl?: string;
  dbSchema?: string;
  /** Migrate the database at start; false when one job runs `migrate` for every replica. */
  dbMigrate: boolean;
  /** ZooKeeper's jute.maxbuffer: the longest request packet any transport takes. */
  juteMaxBuffer: number;
  /** This replica's name in logs, metrics, srvr/mntr and the dashboard; default host:httpPort. */
  replicaName?: string;
  /** How often a replica reads the log even without a commit notification. */
  followPollMs: number;
  /** How often a replica records, cluster-wide, that the sessions it holds are alive. */
  sessionRenewMs: number;
  /** /readyz fails while a replica is more than this many transactions behind the log. */
  readyMaxLagTxns: number;
  minSessionTimeoutMs: number;
  maxSessionTimeoutMs: number;
  historyTxns: number;
  reapIntervalMs: number;
  sessionCheckMs: number;
  maxPendingWrites: number;
  maxMultiOps: number;
  /** ZooKeeper's maxClientCnxns: wire-protocol connections one address may hold; 0, no limit. */
  zkMaxConnectionsPerIp: number;
  /**
   * ZooKeeper's 4lw.commands.whitelist: the four-letter words answered on the client port, and
   * the AdminServer commands answered under /commands; the rest are refused.
   */
  fourLetterWords: readonly AnsweredWord[];
  /** The xDS control plane's port; unset, it is off. */
  xdsPort?: number;
  /** How long the xDS server gathers registry changes before it pushes them. */
  xdsPushDelayMs: number;
  logLevel: string;
  /** Who may log in to the dashboard. */
  adminUser: string;
  /** Only the hash of ZOONEST_ADMIN_PASSWORD is kept; unset, a password is generated at start. */
  adminPasswordHash?: PasswordHash;
  /** The dashboard acts as the super user (it then holds superDigest's identity too). */
  adminAsSuperUser: boolean;
  /** ZooKeeper's enforce.auth.schemes when enforce.auth.enabled; empty when not enforced. */
  enforceAuthSchemes: readonly string[];
  /** ZooKeeper's superDigest: the digest id whose holder passes every ACL. */
  superDigest?: string;
}

export interface TlsSettings {
  certFile: string;
  keyFile: string;
  /** Client certificates are checked against it (else against the system's CAs). */
  caFile?: string;
  /** ZooKeeper's ssl.clientAuth: none, want (checked when sent) or need (refused without). */
  clientAuth: 'none' | 'want' | 'need';
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Reads and validates settings; a bad value stops the start with a message naming it. */
export function loadSettings(env: Record<string, string | undefined>): Settings {
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('ZOONEST_') && v !== undefined && v !== ''),
  );
  const parsed = settingsSchema.safeParse(relevant);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new SettingsError(`invalid settings:\n  ${problems.join('\n  ')}`);
  }
  const s = parsed.data;
  if (s.ZOONEST_MIN_SESSION_TIMEOUT_MS > s.ZOONEST_MAX_SESSION_TIMEOUT_MS) {
    throw new SettingsError(
      'invalid settings:\n  ZOONEST_MIN_SESSION_TIMEOUT_MS must not exceed ZOONEST_MAX_SESSION_TIMEOUT_MS',
    );
  }
  const tlsOn = s.ZOONEST_HTTPS_PORT !== -1 || s.ZOONEST_ZK_SECURE_PORT !== -1;
  if (tlsOn && (s.ZOONEST_TLS_CERT_FILE === undefined || s.ZOONEST_TLS_KEY_FILE === undefined)) {
    throw new SettingsError(
      'invalid settings:\n  ZOONEST_HTTPS_PORT and ZOONEST_ZK_SECURE_PORT need ZOONEST_TLS_CERT_FILE and ZOONEST_TLS_KEY_FILE',
    );
  }
  if (s.ZOONEST_ENFORCE_AUTH_ENABLED && s.ZOONEST_ENFORCE_AUTH_SCHEMES.length === 0) {
    throw new SettingsError(
      'invalid settings:\n  ZOONEST_ENFORCE_AUTH_SCHEMES must name a scheme when ZOONEST_ENFORCE_AUTH_ENABLED is true',
    );
  }
  if (s.ZOONEST_ADMIN_AS_SUPER_USER && s.ZOONEST_SUPER_DIGEST === undefined) {
    throw new SettingsError(
      'invalid settings:\n  ZOONEST_ADMIN_AS_SUPER_USER needs ZOONEST_SUPER_DIGEST (the super user it acts as)',
    );
  }
  return {
    httpPort: s.ZOONEST_HTTP_PORT,
    zkPort: s.ZOONEST_ZK_PORT,
    httpsPort: s.ZOONEST_HTTPS_PORT,
    zkSecurePort: s.ZOONEST_ZK_SECURE_PORT,
    tls:
      s.ZOONEST_TLS_CERT_FILE === undefined || s.ZOONEST_TLS_KEY_FILE === undefined
        ? undefined
        : {
            certFile: s.ZOONEST_TLS_CERT_FILE,
            keyFile: s.ZOONEST_TLS_KEY_FILE,
            caFile: s.ZOONEST_TLS_CA_FILE,
            clientAuth: s.ZOONEST_TLS_CLIENT_AUTH,
          },
    host: s.ZOONEST_HOST,
    dataDir: s.ZOONEST_DATA_DIR,
    dbUrl: s.ZOONEST_DB_URL,
    dbSchema: s.ZOONEST_DB_SCHEMA,
    dbMigrate: s.ZOONEST_DB_MIGRATE === 'true',
    juteMaxBuffer: s.ZOONEST_JUTE_MAXBUFFER,
    replicaName: s.ZOONEST_REPLICA_NAME,
    followPollMs: s.ZOONEST_FOLLOW_POLL_MS,
    sessionRenewMs: s.ZOONEST_SESSION_RENEW_MS,
    readyMaxLagTxns: s.ZOONEST_READY_MAX_LAG_TXNS,
    minSessionTimeoutMs: s.ZOONEST_MIN_SESSION_TIMEOUT_MS,
    maxSessionTimeoutMs: s.ZOONEST_MAX_SESSION_TIMEOUT_MS,
    historyTxns: s.ZOONEST_HISTORY_TXNS,
    reapIntervalMs: s.ZOONEST_REAP_INTERVAL_MS,
    sessionCheckMs: s.ZOONEST_SESSION_CHECK_MS,
    maxPendingWrites: s.ZOONEST_MAX_PENDING_WRITES,
    maxMultiOps: s.ZOONEST_MAX_MULTI_OPS,
    zkMaxConnectionsPerIp: s.ZOONEST_ZK_MAX_CONNECTIONS_PER_IP,
    fourLetterWords: s.ZOONEST_4LW_COMMANDS_WHITELIST,
    xdsPort: s.ZOONEST_XDS_PORT,
    xdsPushDelayMs: s.ZOONEST_XDS_PUSH_DELAY_MS,
    logLevel: s.ZOONEST_LOG_LEVEL,
    adminUser: s.ZOONEST_ADMIN_USER,
    adminPasswordHash:
      s.ZOONEST_ADMIN_PASSWORD === undefined ? undefined : hashPassword(s.ZOONEST_ADMIN_PASSWORD),
    adminAsSuperUser: s.ZOONEST_ADMIN_AS_SUPER_USER,
    enforceAuthSchemes: s.ZOONEST_ENFORCE_AUTH_ENABLED ? s.ZOONEST_ENFORCE_AUTH_SCHEMES : [],
    superDigest: s.ZOONEST_SUPER_DIGEST,
  };
}
