import type { OpResult, WriteOp } from '../../core/write-request';
import { opResultToJson, writeOpsFromJson } from '../../transports/json/write-op-json';
import type { OpResultJson } from '../../protocol/wire/write-op-json';
import { waitOptions } from '../common/deadline';
import { optionalInt, optionalString, requiredInt, type Fields } from '../common/recipe-fields';
import type { AcquireOptions } from './lock-contenders';

/** `{timeoutMs, owner}` of an acquire; the signal comes from the call. */
export function acquireOptions(fields: Fields, signal: AbortSignal): AcquireOptions {
  return { ...waitOptions(fields, signal), owner: optionalString(fields, 'owner') };
}

export function maxLeasesOf(fields: Fields): number | undefined {
  return optionalInt(fields, 'maxLeases', 1, 0x7fffffff);
}

/**
 * A guarded write from its request, `{token, ops}` (one op of the multi is the guard itself):
 * `write` applies it; the answer is its per-op results.
 */
export async function guardedWriteJson(
  fields: Fields,
  maxMultiOps: number,
  write: (token: number, ops: WriteOp[]) => Promise<OpResult[]>,
): Promise<{ results: OpResultJson[] }> {
  const token = requiredInt(fields, 'token', 1);
  const ops = writeOpsFromJson(fields.ops, maxMultiOps - 1);
  return { results: (await write(token, ops)).map(opResultToJson) };
}
