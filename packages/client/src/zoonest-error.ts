import type { ErrorJson } from '@zoonest/protocol/wire/error-json';
import { ErrorCode, errorCodeName, type ErrorCodeName } from './error-code';

/** One op's outcome in a failed transaction, as ZooKeeper reports them. */
export interface OpError {
  code: number;
  codeName: ErrorCodeName;
}

/**
 * The one error the SDK throws: a ZooKeeper code (`code`, `codeName`), the path it concerns,
 * and for a failed transaction every op's code (`results`).
 */
export class ZoonestError extends Error {
  override name = 'ZoonestError';
  readonly codeName: ErrorCodeName;
  /** For a failed transaction: each op's code (Ok before the failing op). */
  declare readonly results?: OpError[];
  /** For HistoryUnavailable: the oldest transaction the server still has. */
  declare readonly oldestZxid?: number;

  constructor(
    readonly code: number,
    message?: string,
    readonly path?: string,
    extra: { results?: OpError[]; oldestZxid?: number } = {},
  ) {
    super(message ?? [errorCodeName(code), path].filter((p) => p !== undefined).join(': '));
    this.codeName = errorCodeName(code);
    if (extra.results) this.results = extra.results;
    if (extra.oldestZxid !== undefined) this.oldestZxid = extra.oldestZxid;
  }

  /** True when this error has the given code name, e.g. `err.is('NoNode')`. */
  is(codeName: ErrorCodeName): boolean {
    return this.codeName === codeName;
  }

  static fromJson(json: ErrorJson): ZoonestError {
    const code = typeof json.code === 'number' ? json.code : ErrorCode.SystemError;
    return new ZoonestError(code, json.message, json.path, {
      results: json.results?.map((r) => ({ code: r.code, codeName: errorCodeName(r.code) })),
      oldestZxid: json.oldestZxid,
    });
  }

  static connectionLoss(detail: string): ZoonestError {
    return new ZoonestError(ErrorCode.ConnectionLoss, `ConnectionLoss: ${detail}`);
  }

  static sessionExpired(detail: string): ZoonestError {
    return new ZoonestError(ErrorCode.SessionExpired, `SessionExpired: ${detail}`);
  }
}

/** True when `err` is a ZoonestError, optionally with the given code name. */
export function isZoonestError(err: unknown, codeName?: ErrorCodeName): err is ZoonestError {
  return err instanceof ZoonestError && (codeName === undefined || err.codeName === codeName);
}
