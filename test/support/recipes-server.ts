import type { RunningServer } from '../../src/server/start-server';
import { killRecipeClients } from './recipes-process';
import { RecipeRest } from './recipes-rest';
import { removeTempDirs } from './temp-dir';
import { startTestServer } from './test-server';

/** A server on SQLite with short sessions, so expiry tests finish quickly. */
export async function startRecipeServer(): Promise<RunningServer> {
  return startTestServer({
    ZOONEST_MIN_SESSION_TIMEOUT_MS: 1000,
    ZOONEST_SESSION_CHECK_MS: 100,
  });
}

export interface RecipeServerSuite {
  /** The server's base URL, once the suite has started it. */
  readonly url: string;
  /** A REST client with a session of its own (4 s timeout by default), closed after the suite. */
  session: (timeoutMs?: number) => Promise<RecipeRest>;
}

/**
 * A recipe server for the enclosing describe block, started before its tests; after them the
 * sessions it opened close, spawned recipe clients are killed and the server stops.
 */
export function recipeServerSuite(): RecipeServerSuite {
  let server: RunningServer | undefined;
  const clients: RecipeRest[] = [];
  const url = () => {
    if (!server) throw new Error('the recipe server has not started yet');
    return server.url;
  };
  beforeAll(async () => {
    server = await startRecipeServer();
  });
  afterAll(async () => {
    await killRecipeClients();
    await Promise.all(clients.map((c) => c.close()));
    await server?.stop();
    await removeTempDirs();
  });
  return {
    get url() {
      return url();
    },
    session: async (timeoutMs) => {
      const c = await new RecipeRest(url()).open(timeoutMs);
      clients.push(c);
      return c;
    },
  };
}
