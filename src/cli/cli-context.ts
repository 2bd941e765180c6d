import type { Command } from 'commander';
import { type AuthInfo, isZoonestError, ZoonestClient } from '@zoonest/client';
import { CliError, ExitCode } from './exit-code';
import { Output } from './output';

export const SERVER_ENV = 'ZOONEST_SERVER';
export const DEFAULT_SERVER = 'http://127.0.0.1:8080';

/** The options every command takes (before or after its name). */
export interface GlobalOptions {
  server: string;
  json?: boolean;
  auth: string[];
  timeout: string;
}

/** What a command runs with: its output, and a client opened on demand. */
export interface CliContext {
  output: Output;
  client: () => Promise<ZoonestClient>;
  close: () => Promise<void>;
}

export function contextOf(command: Command): CliContext {
  const opts = command.optsWithGlobals<GlobalOptions>();
  const output = new Output(opts.json === true);
  let opened: Promise<ZoonestClient> | undefined;
  return {
    output,
    client: () => (opened ??= connect(opts)),
    close: async () => {
      if (opened) await (await opened.catch(() => undefined))?.close();
    },
  };
}

async function connect(opts: GlobalOptions): Promise<ZoonestClient> {
  const timeout = Number(opts.timeout);
  if (!Number.isInteger(timeout) || timeout <= 0) {
    throw new CliError(
      `--timeout must be a positive number of milliseconds, not "${opts.timeout}"`,
    );
  }
  const servers = opts.server.split(',').map((s) => s.trim());
  try {
    return await ZoonestClient.connect({
      servers,
      sessionTimeoutMs: 10_000,
      connectTimeoutMs: timeout,
      auth: opts.auth.map(parseAuth),
    });
  } catch (err) {
    if (isZoonestError(err, 'AuthFailed')) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new CliError(`cannot reach ${servers.join(', ')}: ${why}`, ExitCode.Unreachable);
  }
}

/** "digest:bob:secret" → scheme digest, credentials "bob:secret". */
export function parseAuth(text: string): AuthInfo {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new CliError(`--auth takes scheme:credentials, e.g. digest:bob:secret`);
  return { scheme: text.slice(0, colon), credentials: text.slice(colon + 1) };
}

/** Runs a command's work with its context, closing the session whatever happens. */
export async function withContext(
  command: Command,
  work: (ctx: CliContext) => Promise<void>,
): Promise<void> {
  const ctx = contextOf(command);
  try {
    await work(ctx);
  } finally {
    await ctx.close();
  }
}

/** Parses an integer option (commander hands them over as strings). */
export function intOption(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || n < min) {
      throw new CliError(`${name} must be an integer of at least ${min}, not "${value}"`);
    }
    return n;
  };
}
