import { Command, Option } from 'commander';
import { DEFAULT_SERVER, SERVER_ENV } from './cli-context';
import { registerAcl } from './commands/acl';
import { registerCreate } from './commands/create';
import { registerDelete } from './commands/delete';
import { registerExport } from './commands/export';
import { registerGet } from './commands/get';
import { registerImport } from './commands/import';
import { registerLs } from './commands/ls';
import { registerSet } from './commands/set';
import { registerStat } from './commands/stat';
import { registerSync } from './commands/sync';
import { registerWatch } from './commands/watch';

/** The `zoonest` command line: zkCli's commands and flags, plus watch, export and import. */
export function buildProgram(): Command {
  const program = new Command('zoonest')
    .description('Command-line client of Zoonest (zkCli syntax)')
    .addOption(
      new Option('--server <urls>', 'server URL(s), comma-separated')
        .env(SERVER_ENV)
        .default(DEFAULT_SERVER),
    )
    .option('--json', 'print results as JSON, one document a line')
    .addOption(
      new Option('--auth <scheme:credentials>', 'prove an identity first, e.g. digest:bob:secret')
        .argParser((value: string, previous: string[]) => [...previous, value])
        .default([], 'none; repeatable'),
    )
    .addOption(new Option('--timeout <ms>', 'how long to try to connect').default('5000'))
    .showHelpAfterError()
    .exitOverride();
  for (const register of [
    registerLs,
    registerGet,
    registerStat,
    registerCreate,
    registerSet,
    registerDelete,
    registerAcl,
    registerSync,
    registerWatch,
    registerExport,
    registerImport,
  ]) {
    register(program);
  }
  for (const command of program.commands) command.exitOverride();
  return program;
}
