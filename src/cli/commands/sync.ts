import type { Command } from 'commander';
import { withContext } from '../cli-context';

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('wait until the server has applied every earlier write')
    .argument('<path>')
    .action((path: string, _opts: unknown, command: Command) =>
      withContext(command, async ({ client, output }) => {
        const zk = await client();
        await zk.sync(path);
        output.result({ path, zxid: zk.lastZxid }, () => 'Sync is OK');
      }),
    );
}
