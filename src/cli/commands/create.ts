import type { Command } from 'commander';
import type { CreateMode } from '@zoonest/client';
import { CliError } from '../exit-code';
import { intOption, withContext } from '../cli-context';
import { aclArgument } from './acl';

interface CreateFlags {
  ephemeral?: boolean;
  sequential?: boolean;
  container?: boolean;
  ttl?: number;
}

export function registerCreate(program: Command): void {
  program
    .command('create')
    .description('create a node (an ephemeral one lasts as long as this command)')
    .argument('<path>')
    .argument('[data]', 'the data, as text', '')
    .argument('[acl]', 'ACL as scheme:id:perms[,...], e.g. world:anyone:r')
    .option('-e, --ephemeral', 'ephemeral node')
    .option('-s, --sequential', 'append a 10-digit sequence number')
    .option('-c, --container', 'container node (removed once its last child goes)')
    .option(
      '-t, --ttl <ms>',
      'TTL node: removed when childless and unchanged this long',
      intOption('ttl', 1),
    )
    .action(
      (path: string, data: string, acl: string | undefined, flags: CreateFlags, command: Command) =>
        withContext(command, async ({ client, output }) => {
          const mode = modeOf(flags);
          const created = await (
            await client()
          ).create(path, data, {
            mode,
            ...(flags.ttl !== undefined && { ttlMs: flags.ttl }),
            ...(acl !== undefined && { acl: aclArgument(acl) }),
          });
          output.result({ path: created, mode }, () => `Created ${created}`);
        }),
    );
}

export function modeOf(flags: CreateFlags): CreateMode {
  const kinds = [flags.ephemeral, flags.container, flags.ttl !== undefined].filter(Boolean);
  if (kinds.length > 1) throw new CliError('choose at most one of -e, -c and -t');
  if (flags.container && flags.sequential) throw new CliError('a container cannot be sequential');
  if (flags.ephemeral) return flags.sequential ? 'ephemeral-sequential' : 'ephemeral';
  if (flags.container) return 'container';
  if (flags.ttl !== undefined) {
    return flags.sequential ? 'persistent-sequential-ttl' : 'persistent-ttl';
  }
  return flags.sequential ? 'persistent-sequential' : 'persistent';
}
