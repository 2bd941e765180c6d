#!/usr/bin/env node
import { CommanderError } from 'commander';
import { isZoonestError } from '@zoonest/client';
import { CliError, ExitCode } from './exit-code';
import { buildProgram } from './program';

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return ExitCode.Ok;
  } catch (err) {
    return report(err, program.opts<{ json?: boolean }>().json === true);
  }
}

/** Says what went wrong on stderr (as JSON with --json) and picks the exit code. */
function report(err: unknown, json: boolean): number {
  if (err instanceof CommanderError) {
    // Commander has printed the message (or the help) already.
    return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
  }
  const code = err instanceof CliError ? err.exitCode : ExitCode.Failed;
  const message = err instanceof Error ? err.message : String(err);
  if (json) {
    const error = isZoonestError(err)
      ? { code: err.code, name: err.codeName, message }
      : { name: err instanceof CliError ? 'CliError' : 'Error', message };
    process.stderr.write(`${JSON.stringify({ error })}\n`);
  } else {
    process.stderr.write(`zoonest: ${message}\n`);
  }
  return code;
}

void main(process.argv).then((code) => {
  process.exitCode = code;
});
