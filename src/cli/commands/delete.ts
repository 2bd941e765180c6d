import type { Command } from 'commander';
import { intOption, withContext } from '../cli-context';

export function registerDelete(program: Command): void {
  program
    .command('delete')
    .description('delete a node without children')
    .argument('<path>')
    .option(
      '-v, --version <version>',
      'only if the node is at this version',
      intOption('version', -1),
    )
    .action((path: string, opts: { version?: number }, command: Command) =>
      withContext(command, async ({ client, output }) => {
        await (await client()).delete(path, { version: opts.version });
        if (output.json) output.result({ path, deleted: true }, () => '');
      }),
    );
  program
    .command('deleteall')
    .description('delete a node and everything below it, in one transaction')
    .argument('<path>')
    .option('-b, --batch <size>', "zkCli's batch size; ignored: the delete is one transaction")
    .action((path: string, _opts: unknown, command: Command) =>
      withContext(command, async ({ client, output }) => {
        await (await client()).delete(path, { recursive: true });
        if (output.json) output.result({ path, deleted: true }, () => '');
      }),
    );
}
