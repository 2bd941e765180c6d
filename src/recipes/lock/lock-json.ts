import type { WriteOp } from '../../core/write-request';
import { writeOpsFromJson } from '../../transports/json/write-op-json';
import { parseTimeout } from '../common/deadline';
import { optionalInt, optionalString, requiredInt, type Fields } from '../common/recipe-fields';
import type { AcquireOptions } from './lock.service';

/** `{timeoutMs, owner}` of an acquire; the signal comes from the call. */
export function acquireOptions(fields: Fields, signal: AbortSignal): AcquireOptions {
  return {
    timeoutMs: parseTimeout(fields.timeoutMs),
    owner: optionalString(fields, 'owner'),
    signal,
  };
}

export function maxLeasesOf(fields: Fields): number | undefined {
  return optionalInt(fields, 'maxLeases', 1, 0x7fffffff);
}

/** `{token, ops}` of a guarded write; one op of the multi is the guard itself. */
export function guardedWriteOf(
  fields: Fields,
  maxMultiOps: number,
): { token: number; ops: WriteOp[] } {
  return {
    token: requiredInt(fields, 'token', 1),
    ops: writeOpsFromJson(fields.ops, maxMultiOps - 1),
  };
}
