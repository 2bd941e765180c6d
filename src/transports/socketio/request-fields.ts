import { ZkError } from '../../core/zk-error';
import { isDataEncoding } from '../json/data-encoding';
import type { DataEncoding } from '../../protocol/wire/data-encoding';

/** A request's fields, read with the checks below; each wrong shape is a BadArguments. */
export type Fields = Readonly<Record<string, unknown>>;

/** The payload of an event: an object, or nothing at all for requests without fields. */
export function fieldsOf(payload: unknown): Fields {
  if (payload === undefined) return {};
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw ZkError.badArguments('the request must be an object');
  }
  return payload as Fields;
}

export function optionalBoolean(fields: Fields, name: string): boolean {
  const value = fields[name];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw ZkError.badArguments(`${name} must be true or false`);
  return value;
}

export function requiredString(fields: Fields, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string') throw ZkError.badArguments(`${name} must be a string`);
  return value;
}

export function optionalInteger(fields: Fields, name: string, min: number): number | undefined {
  const value = fields[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw ZkError.badArguments(`${name} must be an integer >= ${min}`);
  }
  return value;
}

export function requiredInteger(fields: Fields, name: string, min: number): number {
  const value = optionalInteger(fields, name, min);
  if (value === undefined) throw ZkError.badArguments(`${name} must be an integer >= ${min}`);
  return value;
}

export function oneOf<T extends string>(
  fields: Fields,
  name: string,
  allowed: readonly T[],
  fallback?: T,
): T {
  const value = fields[name];
  if (value === undefined && fallback !== undefined) return fallback;
  if (!allowed.includes(value as T)) {
    throw ZkError.badArguments(`${name} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** How a reply carries node data; utf8 unless asked otherwise. */
export function replyEncoding(fields: Fields): DataEncoding {
  const value = fields.encoding;
  if (value === undefined) return 'utf8';
  if (!isDataEncoding(value)) throw ZkError.badArguments('encoding must be "utf8" or "base64"');
  return value;
}
