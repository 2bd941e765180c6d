import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  /** What it has printed so far. */
  out: { stdout: string; stderr: string };
  done: Promise<CliRun>;
}

/** `zoonest` as a user runs it: its own Node process, against `serverUrl` unless `env` says otherwise. */
export function startCli(
  serverUrl: string,
  args: string[],
  env: Record<string, string> = {},
): CliProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ZOONEST_SERVER: serverUrl, ...env },
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (c: Buffer) => (out.stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out.stderr += c.toString()));
  const done = new Promise<CliRun>((resolve) =>
    child.on('close', (code) => resolve({ code, ...out })),
  );
  return { child, out, done };
}
