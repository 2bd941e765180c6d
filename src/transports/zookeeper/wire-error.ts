import { ZkCode } from '../../core/zk-code';
import { isZkError } from '../../core/zk-error';

/** Zoonest's own codes, as the nearest code a ZooKeeper client knows. */
const WIRE_CODE: Partial<Record<ZkCode, ZkCode>> = {
  [ZkCode.DataTooLarge]: ZkCode.BadArguments,
  [ZkCode.HistoryUnavailable]: ZkCode.SystemError,
};

/** The `err` of a ReplyHeader (or a multi result) for a code. */
export function wireCode(code: ZkCode): ZkCode {
  return WIRE_CODE[code] ?? code;
}

/** The `err` for anything a request failed with; a bug is a SystemError, never a crash. */
export function wireCodeOf(err: unknown): ZkCode {
  return isZkError(err) ? wireCode(err.code) : ZkCode.SystemError;
}
