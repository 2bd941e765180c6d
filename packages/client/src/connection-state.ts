/**
 * The client's connection as Curator's ConnectionStateListener reports it:
 * - connected: the first session is open;
 * - suspended: the connection is gone but the session may live (do not trust locks now);
 * - reconnected: the same session is back, with its ephemerals, watches and subscriptions;
 * - expired: the session is gone (with its ephemerals), or stayed away past its timeout;
 * - newSession: a new session replaced the expired one (re-create your ephemerals);
 * - closed: `close()` was called.
 */
export type ConnectionState =
  'connected' | 'suspended' | 'reconnected' | 'expired' | 'newSession' | 'closed';

/** States in which requests are sent at once rather than queued. */
export function isConnected(state: ConnectionState | 'connecting'): boolean {
  return state === 'connected' || state === 'reconnected' || state === 'newSession';
}
