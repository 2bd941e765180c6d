import { ZkError } from '../core/zk-error';

/** An optional integer from a query string or body; a present but malformed one is refused. */
export function optionalInt(value: unknown, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw ZkError.badArguments(`${name} must be an integer`);
  return n;
}

export function requiredString(value: unknown, name: string): string {
  if (typeof value !== 'string') throw ZkError.badArguments(`${name} must be a string`);
  return value;
}
