import { ZkCode } from '../core/zk-code';
import { ZkError } from '../core/zk-error';

// Class 08 (connection exception), 57P01-57P03 (admin shutdown, crash shutdown, cannot connect
// now) and 53300 (too many connections): the database is away, not the request wrong.
const CONNECTION_SQLSTATE = /^(08|57P0[123]|53300)/;
const CONNECTION_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);
const CONNECTION_MESSAGE =
  /Connection terminated|connection timeout|Client has encountered a connection error|not queryable|Connection is not established/i;

/** True when an error means the database could not be reached or the connection dropped. */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const { code } = err as { code?: unknown };
  if (typeof code === 'string' && (CONNECTION_SQLSTATE.test(code) || CONNECTION_ERRNO.has(code))) {
    return true;
  }
  const { driverError } = err as { driverError?: unknown };
  if (driverError !== undefined && driverError !== err) return isConnectionError(driverError);
  return CONNECTION_MESSAGE.test(err.message);
}

/** ZooKeeper's ConnectionLoss: the outcome is not known to have happened; the client retries. */
export function connectionLoss(detail: string): ZkError {
  return new ZkError(ZkCode.ConnectionLoss, undefined, `database unavailable: ${detail}`);
}
