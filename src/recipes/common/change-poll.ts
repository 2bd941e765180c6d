import type { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { abortedError } from './aborted-error';
import { parseTimeout, type Deadline } from './deadline';
import { OneShotWatch } from './one-shot-watch';
import { optionalInt, type Fields } from './recipe-fields';

const LONG_POLL_MS = 30_000;

/** A state and the zxid of its last change (grows with every change to it). */
export interface Versioned<T> {
  value: T;
  zxid: number;
}

/** A long poll's request: `since` (a zxid; absent answers at once) and `timeoutMs` (30 s). */
export function longPollOf(fields: Fields): { since?: number; timeoutMs: number } {
  const since = optionalInt(fields, 'since', 0);
  return { since, timeoutMs: parseTimeout(fields.timeoutMs) ?? LONG_POLL_MS };
}

/**
 * A long poll: reads the state (the read sets its watches on `watch`), and answers at once if it
 * changed after `since`; else waits for a watch to fire and reads again. On timeout it answers
 * the unchanged state, so a client just polls again.
 */
export async function pollForChange<T>(
  zk: Coordinator,
  ctx: ClientContext,
  read: (watch?: OneShotWatch) => Promise<Versioned<T>>,
  since: number | undefined,
  deadline: Deadline,
  signal?: AbortSignal,
): Promise<Versioned<T>> {
  if (since === undefined) return read();
  for (;;) {
    const watch = new OneShotWatch(zk);
    const state = await read(watch);
    if (state.zxid > since) {
      watch.cancel();
      return state;
    }
    const outcome = await watch.wait(deadline, signal);
    if (outcome === 'aborted') throw abortedError(zk, ctx);
    if (outcome === 'timeout') return state;
  }
}
