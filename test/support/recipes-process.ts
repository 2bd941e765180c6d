import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Json } from './recipes-rest';

const ROOT = join(__dirname, '..', '..');

export interface RecipeProcess {
  child: ChildProcess;
  /** What the child printed after READY. */
  ready: { status: number; body: Json; sessionId: string };
  kill(): Promise<void>;
}

const running: RecipeProcess[] = [];

/** Runs test/support/recipes-child.ts with an action and waits for its READY line. */
export async function spawnRecipeClient(
  url: string,
  action: string,
  args: Record<string, unknown>,
  timeoutMs = 20_000,
): Promise<RecipeProcess> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'test/support/recipes-child.ts',
      url,
      action,
      JSON.stringify(args),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<RecipeProcess['ready']>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`child ${action} not ready:\n${err}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('READY '));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(6)) as RecipeProcess['ready']);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child ${action} exited ${code}:\n${err}`));
    });
  });
  const proc: RecipeProcess = {
    child,
    ready,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  running.push(proc);
  return proc;
}

export async function killRecipeClients(): Promise<void> {
  await Promise.all(running.splice(0).map((p) => p.kill()));
}
