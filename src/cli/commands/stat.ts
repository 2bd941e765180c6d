import type { Command } from 'commander';
import { ErrorCode, ZoonestError } from '@zoonest/client';
import { withContext } from '../cli-context';
import { statLines } from '../output';

export function registerStat(program: Command): void {
  program
    .command('stat')
    .description('print the Stat of a node')
    .argument('<path>')
    .action((path: string, _opts: unknown, command: Command) =>
      withContext(command, async ({ client, output }) => {
        const stat = await (await client()).exists(path);
        if (!stat) throw new ZoonestError(ErrorCode.NoNode, undefined, path);
        output.result({ path, stat }, () => statLines(stat));
      }),
    );
}
