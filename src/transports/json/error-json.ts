import { ZkCode, zkCodeName } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import type { ErrorJson } from '../../protocol/wire/error-json';

export function errorToJson(err: unknown): ErrorJson {
  if (!(err instanceof ZkError)) {
    return { code: ZkCode.SystemError, name: 'SystemError', message: 'internal error' };
  }
  const json: ErrorJson = { code: err.code, name: err.codeName, message: err.message };
  if (err.path !== undefined) json.path = err.path;
  if (err.multi) json.results = err.multi.codes.map((code) => ({ code, name: zkCodeName(code) }));
  if (typeof err.info?.oldestZxid === 'number') json.oldestZxid = err.info.oldestZxid;
  return json;
}
