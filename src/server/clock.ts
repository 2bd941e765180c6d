import { randomBytes } from 'node:crypto';
import type { Clock, Entropy, Scheduler } from '../core/ports';

/** The real implementations of the core's time, randomness and scheduling ports. */
export const systemClock: Clock = { now: () => Date.now() };
export const systemEntropy: Entropy = { randomBytes: (n) => randomBytes(n) };
/** setImmediate runs after the I/O callbacks of this loop turn: one batch per tick. */
export const tickScheduler: Scheduler = { defer: (fn) => setImmediate(fn) };
export const elapsedMs = (): number => performance.now();
