import type { Settings } from '../../server/settings';
import type { SettingRow } from '../admin-api-types';

/** A database URL with its password taken out. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}

/** The server's settings as the overview shows them: every value, and no secret. */
export function publicSettings(s: Settings): SettingRow[] {
  const rows: Array<[string, string | number | undefined]> = [
    ['ZOONEST_HTTP_PORT', s.httpPort],
    ['ZOONEST_ZK_PORT', s.zkPort],
    ['ZOONEST_HTTPS_PORT', s.httpsPort],
    ['ZOONEST_ZK_SECURE_PORT', s.zkSecurePort],
    ['ZOONEST_TLS_CERT_FILE', s.tls?.certFile],
    ['ZOONEST_TLS_KEY_FILE', s.tls?.keyFile],
    ['ZOONEST_TLS_CA_FILE', s.tls?.caFile],
    ['ZOONEST_TLS_CLIENT_AUTH', s.tls?.clientAuth],
    ['ZOONEST_HOST', s.host],
    ['ZOONEST_DATA_DIR', s.dataDir],
    ['ZOONEST_DB_URL', s.dbUrl === undefined ? undefined : redactUrl(s.dbUrl)],
    ['ZOONEST_DB_SCHEMA', s.dbSchema],
    ['ZOONEST_JUTE_MAXBUFFER', s.juteMaxBuffer],
    ['ZOONEST_MIN_SESSION_TIMEOUT_MS', s.minSessionTimeoutMs],
    ['ZOONEST_MAX_SESSION_TIMEOUT_MS', s.maxSessionTimeoutMs],
    ['ZOONEST_HISTORY_TXNS', s.historyTxns],
    ['ZOONEST_REAP_INTERVAL_MS', s.reapIntervalMs],
    ['ZOONEST_SESSION_CHECK_MS', s.sessionCheckMs],
    ['ZOONEST_MAX_PENDING_WRITES', s.maxPendingWrites],
    ['ZOONEST_MAX_MULTI_OPS', s.maxMultiOps],
    ['ZOONEST_ZK_MAX_CONNECTIONS_PER_IP', s.zkMaxConnectionsPerIp],
    ['ZOONEST_4LW_COMMANDS_WHITELIST', s.fourLetterWords.join(',')],
    ['ZOONEST_XDS_PORT', s.xdsPort ?? '(off)'],
    ['ZOONEST_XDS_PUSH_DELAY_MS', s.xdsPushDelayMs],
    ['ZOONEST_LOG_LEVEL', s.logLevel],
    ['ZOONEST_ADMIN_USER', s.adminUser],
    ['ZOONEST_ADMIN_PASSWORD', s.adminPasswordHash ? '(set)' : '(generated at start)'],
    ['ZOONEST_ADMIN_AS_SUPER_USER', String(s.adminAsSuperUser)],
    ['ZOONEST_ENFORCE_AUTH_ENABLED', String(s.enforceAuthSchemes.length > 0)],
    ['ZOONEST_ENFORCE_AUTH_SCHEMES', s.enforceAuthSchemes.join(',')],
    ['ZOONEST_SUPER_DIGEST', s.superDigest === undefined ? '' : '(set)'],
  ];
  return rows.map(([name, value]) => ({ name, value: value === undefined ? '' : String(value) }));
}
