import { ZkError } from '../../core/zk-error';
import type { Fields } from './recipe-fields';

const MAX_TIMEOUT_MS = 24 * 60 * 60 * 1000;

/** When a blocking call gives up: `timeoutMs` from now, or never when it is undefined. */
export class Deadline {
  private readonly at: number;

  constructor(timeoutMs: number | undefined, now = Date.now()) {
    this.at = timeoutMs === undefined ? Number.POSITIVE_INFINITY : now + timeoutMs;
  }

  static never(): Deadline {
    return new Deadline(undefined);
  }

  get infinite(): boolean {
    return this.at === Number.POSITIVE_INFINITY;
  }

  remaining(now = Date.now()): number {
    return Math.max(0, this.at - now);
  }

  passed(now = Date.now()): boolean {
    return now >= this.at;
  }
}

/** A request's `timeoutMs`: absent waits as long as it takes, 0 tries once. */
export function parseTimeout(value: unknown, name = 'timeoutMs'): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_TIMEOUT_MS) {
    throw ZkError.badArguments(
      `${name} must be an integer number of milliseconds, 0 to ${MAX_TIMEOUT_MS}`,
    );
  }
  return n;
}

/** How long a blocking call waits (absent: as long as it takes), and what cuts it short. */
export interface WaitOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The request's `timeoutMs`, and the call's signal. */
export function waitOptions(fields: Fields, signal: AbortSignal): WaitOptions {
  return { timeoutMs: parseTimeout(fields.timeoutMs), signal };
}
