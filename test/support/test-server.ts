import { startServer, type RunningServer } from '../../src/server/start-server';
import type { SettingsInput } from '../../src/server/settings';
import { tempDir } from './temp-dir';

/**
 * A real server for a test: both listeners on port 0 (so tests run beside a live server),
 * a fresh data directory and quiet logs, unless the test says otherwise.
 */
export async function startTestServer(overrides: SettingsInput = {}): Promise<RunningServer> {
  return startServer(
    {
      ZOONEST_HTTP_PORT: 0,
      ZOONEST_ZK_PORT: 0,
      ZOONEST_DATA_DIR: await tempDir(),
      ZOONEST_LOG_LEVEL: 'silent',
      ...overrides,
    },
    {},
  );
}
