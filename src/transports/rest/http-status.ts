import { HttpStatus } from '@nestjs/common';
import { ZkCode } from '../../core/zk-code';

/** How each ZooKeeper code is answered over HTTP; anything not listed is a 500. */
export const HTTP_STATUS: Partial<Record<ZkCode, HttpStatus>> = {
  [ZkCode.BadArguments]: HttpStatus.BAD_REQUEST,
  [ZkCode.NoChildrenForEphemerals]: HttpStatus.BAD_REQUEST,
  [ZkCode.InvalidACL]: HttpStatus.BAD_REQUEST,
  [ZkCode.MarshallingError]: HttpStatus.BAD_REQUEST,
  [ZkCode.AuthFailed]: HttpStatus.UNAUTHORIZED,
  [ZkCode.NoAuth]: HttpStatus.FORBIDDEN,
  // Not 401: the caller's HTTP login is fine, its ZooKeeper identity is missing.
  [ZkCode.SessionClosedRequireSaslAuth]: HttpStatus.FORBIDDEN,
  [ZkCode.NoNode]: HttpStatus.NOT_FOUND,
  [ZkCode.NoWatcher]: HttpStatus.NOT_FOUND,
  [ZkCode.NodeExists]: HttpStatus.CONFLICT,
  [ZkCode.BadVersion]: HttpStatus.CONFLICT,
  [ZkCode.NotEmpty]: HttpStatus.CONFLICT,
  [ZkCode.RuntimeInconsistency]: HttpStatus.CONFLICT,
  [ZkCode.SessionExpired]: HttpStatus.GONE,
  [ZkCode.UnknownSession]: HttpStatus.GONE,
  [ZkCode.SessionMoved]: HttpStatus.GONE,
  [ZkCode.HistoryUnavailable]: HttpStatus.GONE,
  [ZkCode.DataTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ZkCode.Throttled]: HttpStatus.TOO_MANY_REQUESTS,
  [ZkCode.Unimplemented]: HttpStatus.NOT_IMPLEMENTED,
  [ZkCode.OperationTimeout]: HttpStatus.GATEWAY_TIMEOUT,
  [ZkCode.ConnectionLoss]: HttpStatus.SERVICE_UNAVAILABLE,
};
