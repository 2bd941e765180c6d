import type { Command } from 'commander';
import { intOption, withContext } from '../cli-context';
import { statLines } from '../output';

export function registerSet(program: Command): void {
  program
    .command('set')
    .description("replace a node's data")
    .argument('<path>')
    .argument('<data>', 'the data, as text')
    .option('-s, --stat', 'print the new Stat')
    .option(
      '-v, --version <version>',
      'only if the node is at this version',
      intOption('version', -1),
    )
    .action(
      (path: string, data: string, opts: { stat?: boolean; version?: number }, command: Command) =>
        withContext(command, async ({ client, output }) => {
          const stat = await (await client()).setData(path, data, { version: opts.version });
          if (opts.stat || output.json) output.result({ path, stat }, () => statLines(stat));
        }),
    );
}
