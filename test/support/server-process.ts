import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A port nobody listens on right now (never the defaults, so tests run beside a live server). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr, for failure messages. */
  stderr(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `src/main.ts` (or the node arguments `args` name) as its own process and waits until
 * /healthz answers. `env` names the HTTP port; the ZooKeeper port is an ephemeral one unless
 * `env` names it too.
 */
export async function spawnServer(
  env: Record<string, string>,
  timeoutMs = 30_000,
  args = ['-r', '@swc-node/register', 'src/main.ts'],
): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ZOONEST_LOG_LEVEL: 'warn', ZOONEST_ZK_PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group: stopping it stops exactly what it started, nothing else.
    detached: true,
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const url = `http://127.0.0.1:${env.ZOONEST_HTTP_PORT}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${err}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      signalGroup(child, 'SIGKILL');
      throw new Error(`server did not start in ${timeoutMs} ms:\n${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    stderr: () => err,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) signalGroup(child, signal);
      await exited;
    },
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
