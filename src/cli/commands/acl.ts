import type { Command } from 'commander';
import { type Acl, formatAcl, parseAcl } from '@zoonest/client';
import { intOption, withContext } from '../cli-context';
import { CliError } from '../exit-code';
import { statLines } from '../output';

export function registerAcl(program: Command): void {
  program
    .command('getAcl')
    .description('print the ACL of a node, one scheme:id:perms a line')
    .argument('<path>')
    .option('-s, --stat', 'also print the Stat of the node')
    .action((path: string, opts: { stat?: boolean }, command: Command) =>
      withContext(command, async ({ client, output }) => {
        const { acl, stat } = await (await client()).getACL(path);
        output.result({ path, acl, ...(opts.stat && { stat }) }, () => [
          ...acl.map(formatAcl),
          ...(opts.stat ? statLines(stat) : []),
        ]);
      }),
    );
  program
    .command('setAcl')
    .description('replace the ACL of a node')
    .argument('<path>')
    .argument('<acl>', 'scheme:id:perms[,...], e.g. digest:bob:0zT...=:cdrwa,world:anyone:r')
    .option('-s, --stat', 'print the new Stat')
    .option(
      '-v, --version <version>',
      'only if the ACL is at this version',
      intOption('version', -1),
    )
    .action(
      (path: string, text: string, opts: { stat?: boolean; version?: number }, command: Command) =>
        withContext(command, async ({ client, output }) => {
          const acl = aclArgument(text);
          const stat = await (await client()).setACL(path, acl, { version: opts.version });
          if (opts.stat || output.json) output.result({ path, stat }, () => statLines(stat));
        }),
    );
}

/** zkCli's ACL text, or a usage error saying what is wrong with it. */
export function aclArgument(text: string): Acl[] {
  try {
    return parseAcl(text);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}
