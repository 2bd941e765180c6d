import { ZkError } from '../../core/zk-error';
import type { Fields } from '../common/recipe-fields';
import type { CounterChange } from './counter.service';

const MIN = -(1n << 63n);
const MAX = (1n << 63n) - 1n;

/** A 64-bit value from JSON: an integer number, or a decimal string for values past 2^53. */
export function longField(fields: Fields, name: string, required: boolean): bigint | undefined {
  const raw = fields[name];
  if (raw === undefined || raw === null) {
    if (required) throw ZkError.badArguments(`${name} is required (an integer)`);
    return undefined;
  }
  let value: bigint | undefined;
  if (typeof raw === 'number' && Number.isSafeInteger(raw)) value = BigInt(raw);
  if (typeof raw === 'string' && /^-?\d{1,19}$/.test(raw)) value = BigInt(raw);
  if (value === undefined || value < MIN || value > MAX) {
    throw ZkError.badArguments(`${name} must be a 64-bit integer (a number, or a decimal string)`);
  }
  return value;
}

/** Numbers while they are exact in JSON, decimal strings beyond. */
export function longJson(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}

export function changeJson(change: CounterChange): {
  preValue: number | string;
  postValue: number | string;
} {
  return { preValue: longJson(change.preValue), postValue: longJson(change.postValue) };
}
