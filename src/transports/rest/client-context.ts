import type { Request } from 'express';
import type { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { ZkError } from '../../core/zk-error';
import { parseSessionId } from '../json/session-id';
import { certificateIds } from '../tls-peer';

export const SESSION_HEADER = 'x-zoonest-session';
/** The last zxid a client saw; a replica answers only once it has applied it. */
export const ZXID_HEADER = 'x-zoonest-zxid';

export function remoteAddress(req: Request): string {
  return req.socket.remoteAddress ?? '';
}

/**
 * The caller of a REST request: the session named by `X-Zoonest-Session: {id}:{password}`
 * (password in base64), which then acts with that session's identity; else no session.
 */
export function clientContext(req: Request, zk: Coordinator): ClientContext {
  const address = remoteAddress(req);
  const ids = certificateIds(req.socket);
  const header = req.headers[SESSION_HEADER];
  if (header === undefined) return { sessionId: 0n, remoteAddress: address, ids };
  const value = Array.isArray(header) ? (header[0] ?? '') : header;
  const colon = value.indexOf(':');
  if (colon < 0) throw ZkError.badArguments(`${SESSION_HEADER} must be {sessionId}:{password}`);
  const sessionId = parseSessionId(value.slice(0, colon));
  zk.verifySession(sessionId, Buffer.from(value.slice(colon + 1), 'base64'));
  return { sessionId, remoteAddress: address, ids };
}

/** The session id a request names in its session header, if any, without checking it. */
export function namedSessionId(req: Request): bigint | undefined {
  const header = req.headers[SESSION_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  const colon = value?.indexOf(':') ?? -1;
  if (!value || colon < 0) return undefined;
  try {
    return parseSessionId(value.slice(0, colon));
  } catch {
    return undefined;
  }
}
