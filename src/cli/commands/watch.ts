import type { Command } from 'commander';
import type { ChangeEvent } from '@zoonest/client';
import { intOption, withContext } from '../cli-context';

interface WatchOptions {
  recursive?: boolean;
  fromZxid?: number;
}

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('print the changes of a node and its children (-R: a subtree) until Ctrl-C')
    .argument('<path>')
    .option('-R, --recursive', 'every node below the path')
    .option(
      '--from-zxid <zxid>',
      'first replay the changes after this zxid',
      intOption('from-zxid', 0),
    )
    .action((path: string, opts: WatchOptions, command: Command) =>
      withContext(command, async ({ client, output }) => {
        const zk = await client();
        const stream = zk.watch(path, { recursive: opts.recursive, fromZxid: opts.fromZxid });
        const stop = () => void stream.close();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        zk.on('state', (state) => output.warn(`-- ${state}`));
        await stream.ready;
        output.warn(`-- watching ${path}${opts.recursive ? ' and below' : ''}`);
        for await (const event of stream) output.result(event, () => describe(event));
      }),
    );
}

function describe(event: ChangeEvent): string {
  return `${event.type} ${event.path} zxid=0x${event.zxid.toString(16)}`;
}
