import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { postgres, sqlite } from './support/databases';
import { freePort, spawnServer } from './support/server-process';
import { removeTempDirs } from './support/temp-dir';

const ROOT = join(__dirname, '..');

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string | number>): Promise<Finished> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ZOONEST_LOG_LEVEL: 'warn', ...stringify(env) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

function stringify(env: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

afterAll(async () => {
  await postgres.cleanup();
  await removeTempDirs();
});

describe('zoonest-server migrate', () => {
  it.each([sqlite, postgres])(
    '$name: migrates once, so replicas with ZOONEST_DB_MIGRATE=false start on it',
    async (db) => {
      const settings = stringify(await db.settings());
      const skip = { ...settings, ZOONEST_DB_MIGRATE: 'false' };

      const refused = await run([], {
        ...skip,
        ZOONEST_HTTP_PORT: await freePort(),
        ZOONEST_ZK_PORT: 0,
      });
      expect([refused.code, refused.stderr]).toEqual([
        1,
        expect.stringMatching(/lacks migrations .*run the migrate command first/),
      ]);

      const migrated = await run(['migrate'], settings);
      expect([migrated.code, migrated.stdout]).toEqual([
        0,
        'zoonest: the database is migrated (newest migration: AddSessionOwner1767000000000)\n',
      ]);

      const server = await spawnServer({ ...skip, ZOONEST_HTTP_PORT: String(await freePort()) });
      try {
        const res = await fetch(`${server.url}/api/v1/znodes/after-migrate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        expect(res.status).toBe(201);
      } finally {
        await server.kill('SIGKILL');
      }
    },
    60_000,
  );

  it('answers an unknown command with its usage', async () => {
    const res = await run(['serv'], {});
    expect([res.code, res.stderr]).toEqual([2, 'usage: zoonest-server [serve | migrate]\n']);
  });
});

describe('SIGTERM', () => {
  it('closes client connections and ends the process cleanly', async () => {
    const zkPort = await freePort();
    const server = await spawnServer({
      ...stringify(await sqlite.settings()),
      ZOONEST_HTTP_PORT: String(await freePort()),
      ZOONEST_ZK_PORT: String(zkPort),
    });
    const socket = connect(zkPort, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const closedByServer = new Promise((resolve) => socket.once('close', resolve));
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      server.child.once('exit', (code, signal) => resolve([code, signal])),
    );
    const started = Date.now();
    server.child.kill('SIGTERM');
    await closedByServer;
    // Nest closes the application, then ends the process with the signal it got.
    await expect(exited).resolves.toEqual([null, 'SIGTERM']);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(server.stderr()).not.toMatch(/failed|error/i);
  });
});
