import type { Command } from 'commander';
import { bytesToBase64, bytesToUtf8 } from '@zoonest/client';
import { withContext } from '../cli-context';
import { statLines } from '../output';

export function registerGet(program: Command): void {
  program
    .command('get')
    .description("print a node's data (raw bytes; with --json as text or base64)")
    .argument('<path>')
    .option('-s, --stat', 'also print the Stat of the node')
    .action((path: string, opts: { stat?: boolean }, command: Command) =>
      withContext(command, async ({ client, output }) => {
        const { data, stat } = await (await client()).getData(path);
        if (output.json) {
          const text = bytesToUtf8(data);
          const body =
            text === undefined
              ? { data: bytesToBase64(data), encoding: 'base64' }
              : { data: text, encoding: 'utf8' };
          return output.result({ path, ...body, ...(opts.stat && { stat }) }, () => '');
        }
        output.raw(data);
        // A newline only for people: redirected output stays byte for byte the node's data.
        if (process.stdout.isTTY || opts.stat) output.line('');
        if (opts.stat) for (const line of statLines(stat)) output.line(line);
      }),
    );
}
