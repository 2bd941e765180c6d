import { ZkCode, zkCodeName } from './zk-code';

/** The one error type of Zoonest: a ZooKeeper code, the path it concerns and a human detail. */
export class ZkError extends Error {
  /** For a failed multi: the index of the failing op and every op's code, as ZooKeeper reports. */
  multi?: { failedIndex: number; codes: ZkCode[] };
  /** Facts a client can act on, e.g. the oldest zxid still available for a replay. */
  info?: Record<string, number | string>;

  constructor(
    readonly code: ZkCode,
    readonly path?: string,
    readonly detail?: string,
  ) {
    super(
      [zkCodeName(code), path, detail]
        .filter((part) => part !== undefined && part !== '')
        .join(': '),
    );
    this.name = 'ZkError';
  }

  get codeName(): string {
    return zkCodeName(this.code);
  }

  with(info: Record<string, number | string>): this {
    this.info = { ...this.info, ...info };
    return this;
  }

  static multiFailed(cause: ZkError, failedIndex: number, codes: ZkCode[]): ZkError {
    const err = new ZkError(cause.code, cause.path, cause.detail);
    err.multi = { failedIndex, codes };
    return err;
  }
  static noNode(path: string): ZkError {
    return new ZkError(ZkCode.NoNode, path);
  }
  static nodeExists(path: string): ZkError {
    return new ZkError(ZkCode.NodeExists, path);
  }
  static badVersion(path: string): ZkError {
    return new ZkError(ZkCode.BadVersion, path);
  }
  static notEmpty(path: string): ZkError {
    return new ZkError(ZkCode.NotEmpty, path);
  }
  static noAuth(path: string): ZkError {
    return new ZkError(ZkCode.NoAuth, path);
  }
  static badArguments(detail: string, path?: string): ZkError {
    return new ZkError(ZkCode.BadArguments, path, detail);
  }
  static sessionExpired(sessionId: bigint): ZkError {
    return new ZkError(ZkCode.SessionExpired, undefined, `session 0x${sessionId.toString(16)}`);
  }
}

export function isZkError(err: unknown): err is ZkError {
  return err instanceof ZkError;
}
