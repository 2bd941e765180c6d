import type { ExtendedError } from 'socket.io';
import type { Coordinator } from '../../core/coordinator';
import type { SessionInfo } from '../../core/coordinator-types';
import { ZkCode } from '../../core/zk-code';
import { isZkError, ZkError } from '../../core/zk-error';
import { decodeData } from '../json/data-encoding';
import { errorToJson } from '../json/error-json';
import { parseSessionId } from '../json/session-id';
import { fieldsOf, optionalInteger, requiredString } from './request-fields';
import type { ZkSocket } from './zk-socket';

/**
 * Opens or resumes the session a connecting socket asks for in its handshake `auth`:
 * `{timeoutMs}` opens one, `{sessionId, password, lastZxid}` takes one back up.
 */
export async function handshake(
  zk: Coordinator,
  auth: unknown,
  remoteAddress: string,
): Promise<{ session: SessionInfo; resumed: boolean }> {
  const fields = fieldsOf(auth);
  const origin = { transport: 'socketio', remoteAddress };
  if (fields.sessionId === undefined) {
    // Same default as REST; the core clamps it into [min, max].
    const timeoutMs = optionalInteger(fields, 'timeoutMs', 1) ?? zk.limits.minSessionTimeoutMs * 2;
    return { session: await zk.openSession(timeoutMs, origin), resumed: false };
  }
  const sessionId = parseSessionId(fields.sessionId);
  const password = decodeData(requiredString(fields, 'password'), 'base64');
  const lastZxid = optionalInteger(fields, 'lastZxid', 0) ?? 0;
  if (!(await zk.caughtUpTo(lastZxid))) {
    // As ZooKeeper refuses a client that has seen a newer state: it must go to another server.
    throw new ZkError(
      ZkCode.ConnectionLoss,
      undefined,
      `the client has seen zxid ${lastZxid} but this server is at ${zk.lastZxid}; try another server`,
    );
  }
  return { session: await zk.resumeSession(sessionId, password, origin), resumed: true };
}

/** Namespace middleware: a refused handshake reaches the client as connect_error with `data`. */
export function handshakeMiddleware(zk: Coordinator, unexpected: (err: unknown) => void) {
  return (socket: ZkSocket, next: (err?: ExtendedError) => void): void => {
    handshake(zk, socket.handshake.auth, socket.handshake.address).then(
      ({ session, resumed }) => {
        socket.data.session = session;
        socket.data.resumed = resumed;
        next();
      },
      (cause: unknown) => {
        if (!isZkError(cause)) unexpected(cause);
        const json = errorToJson(cause);
        const err: ExtendedError = new Error(json.message);
        err.data = json;
        next(err);
      },
    );
  };
}
