import { ZkError } from '../../core/zk-error';

export type Fields = Readonly<Record<string, unknown>>;

/** A JSON body as an object (absent is empty); anything else is a BadArguments. */
export function bodyFields(body: unknown): Fields {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw ZkError.badArguments('the body must be a JSON object');
  }
  return body as Fields;
}

export function optionalString(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw ZkError.badArguments(`${name} must be a string`);
  return value;
}

export function requiredString(fields: Fields, name: string): string {
  const value = optionalString(fields, name);
  if (value === undefined) throw ZkError.badArguments(`${name} is required (a string)`);
  return value;
}

/** An integer from JSON, or from a query string. */
export function optionalInt(
  fields: Fields,
  name: string,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const raw = fields[name];
  if (raw === undefined || raw === null || raw === '') return undefined;
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw ZkError.badArguments(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

export function requiredInt(fields: Fields, name: string, min?: number, max?: number): number {
  const value = optionalInt(fields, name, min, max);
  if (value === undefined) throw ZkError.badArguments(`${name} is required (an integer)`);
  return value;
}

export function optionalBool(fields: Fields, name: string): boolean | undefined {
  const raw = fields[name];
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  throw ZkError.badArguments(`${name} must be true or false`);
}

export function stringMap(fields: Fields, name: string): Record<string, string> {
  const raw = fields[name];
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw ZkError.badArguments(`${name} must be an object of strings`);
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string') out[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = String(value);
    else throw ZkError.badArguments(`${name}.${key} must be a string`);
  }
  return out;
}

export function oneOf<T extends string>(
  fields: Fields,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = fields[name];
  if (raw === undefined || raw === null || raw === '') return fallback;
  if (!allowed.includes(raw as T)) {
    throw ZkError.badArguments(`${name} must be one of ${allowed.join(', ')}`);
  }
  return raw as T;
}
