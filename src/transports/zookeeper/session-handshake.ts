import type { Coordinator } from '../../core/coordinator';
import type { SessionInfo } from '../../core/coordinator-types';
import { isZkError } from '../../core/zk-error';
import type { ConnectResponse } from './jute/connect-records';
import type { ConnectRequest } from './jute/requests';

const PASSWORD_BYTES = 16;

/** How a ConnectRequest is answered. */
export type HandshakeOutcome =
  /** The session is open (new or resumed): send `response` and serve requests. */
  | { kind: 'accepted'; session: SessionInfo; response: ConnectResponse; resumed: boolean }
  /** Unknown, expired or wrong password: send `response` (timeout 0, session 0), then close. */
  | { kind: 'expired'; response: ConnectResponse }
  /** The client has seen a newer zxid than this server: close without a word. */
  | { kind: 'refused'; reason: string };

/** ZooKeeper's answer to a session it will not resume: all zeros, then the connection closes. */
export const EXPIRED_RESPONSE: ConnectResponse = {
  protocolVersion: 0,
  timeoutMs: 0,
  sessionId: 0n,
  passwd: Buffer.alloc(PASSWORD_BYTES),
  readOnly: false,
};

/** The timeout a client is granted: its request clamped into the server's [min, max]. */
export function negotiateTimeout(requested: number, zk: Coordinator): number {
  const { minSessionTimeoutMs, maxSessionTimeoutMs } = zk.limits;
  return Math.min(maxSessionTimeoutMs, Math.max(minSessionTimeoutMs, requested));
}

/**
 * Opens or resumes the session a ConnectRequest asks for, as ZooKeeper's processConnectRequest
 * does. This server is never read-only, so a client allowing read-only mode is told `false`.
 */
export async function handshake(
  zk: Coordinator,
  req: ConnectRequest,
  origin: { transport: string; remoteAddress: string },
): Promise<HandshakeOutcome> {
  if (!(await zk.caughtUpTo(req.lastZxidSeen))) {
    return {
      kind: 'refused',
      reason:
        `client has seen zxid 0x${req.lastZxidSeen.toString(16)}, our last zxid is ` +
        `0x${zk.lastZxid.toString(16)}; client must try another server`,
    };
  }
  const timeoutMs = negotiateTimeout(req.timeoutMs, zk);
  if (req.sessionId === 0n) {
    const session = await zk.openSession(timeoutMs, origin);
    return { kind: 'accepted', session, response: responseOf(session), resumed: false };
  }
  try {
    const session = await zk.resumeSession(req.sessionId, req.passwd, origin);
    return { kind: 'accepted', session, response: responseOf(session), resumed: true };
  } catch (err) {
    if (isZkError(err)) return { kind: 'expired', response: EXPIRED_RESPONSE };
    throw err;
  }
}

function responseOf(session: SessionInfo): ConnectResponse {
  return {
    protocolVersion: 0,
    timeoutMs: session.timeoutMs,
    sessionId: session.sessionId,
    passwd: session.password,
    readOnly: false,
  };
}
