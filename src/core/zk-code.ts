/** ZooKeeper's error codes (KeeperException.Code), plus Zoonest's own below -1000. */
export enum ZkCode {
  Ok = 0,
  SystemError = -1,
  RuntimeInconsistency = -2,
  DataInconsistency = -3,
  ConnectionLoss = -4,
  MarshallingError = -5,
  Unimplemented = -6,
  OperationTimeout = -7,
  BadArguments = -8,
  UnknownSession = -12,
  NewConfigNoQuorum = -13,
  ReconfigInProgress = -14,
  APIError = -100,
  NoNode = -101,
  NoAuth = -102,
  BadVersion = -103,
  NoChildrenForEphemerals = -108,
  NodeExists = -110,
  NotEmpty = -111,
  SessionExpired = -112,
  InvalidCallback = -113,
  InvalidACL = -114,
  AuthFailed = -115,
  SessionMoved = -118,
  NotReadOnly = -119,
  EphemeralOnLocalSession = -120,
  NoWatcher = -121,
  RequestTimeout = -122,
  ReconfigDisabled = -123,
  SessionClosedRequireSaslAuth = -124,
  QuotaExceeded = -125,
  Throttled = -127,
  /** Zoonest: data larger than the configured limit (ZooKeeper clients see BadArguments). */
  DataTooLarge = -1001,
  /** Zoonest: a replay was asked from a zxid older than the retained transaction log. */
  HistoryUnavailable = -1002,
}

export type ZkCodeName = keyof typeof ZkCode;

export function zkCodeName(code: ZkCode): ZkCodeName {
  return ZkCode[code] as ZkCodeName;
}
