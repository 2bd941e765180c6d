import type { RunningServer } from '../../src/server/start-server';
import { startTestServer } from './test-server';

/** A server on SQLite with short sessions, so expiry tests finish quickly. */
export async function startRecipeServer(): Promise<RunningServer> {
  return startTestServer({
    ZOONEST_MIN_SESSION_TIMEOUT_MS: 1000,
    ZOONEST_SESSION_CHECK_MS: 100,
  });
}

/** Resolves once `check` resolves true, polling; fails after `timeoutMs`. */
export async function until(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
