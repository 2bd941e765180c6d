import type { Command } from 'commander';
import { bytesToBase64, bytesToUtf8, isZoonestError, type ZoonestClient } from '@zoonest/client';
import { withContext } from '../cli-context';
import type { Output } from '../output';
import { FORMAT, type ExportedNode, type SubtreeDocument } from '../subtree-document';
import { subtreePaths } from './ls';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a subtree (data, mode, ACLs) as JSON to stdout: export /app > app.json')
    .argument('<path>')
    .action((path: string, _opts: unknown, command: Command) =>
      withContext(command, async ({ client, output }) => {
        const doc = await exportSubtree(await client(), path, output);
        output.line(JSON.stringify(doc, null, 2));
      }),
    );
}

/** ZooKeeper's own subtree belongs to the server it is on, not to the data. */
const SYSTEM_SUBTREE = '/zookeeper';
const inSystemSubtree = (path: string) =>
  path === SYSTEM_SUBTREE || path.startsWith(`${SYSTEM_SUBTREE}/`);

export async function exportSubtree(
  zk: ZoonestClient,
  root: string,
  output: Output,
): Promise<SubtreeDocument> {
  const all = await subtreePaths(zk, root);
  const paths = inSystemSubtree(root) ? all : all.filter((path) => !inSystemSubtree(path));
  const read = await Promise.all(
    paths.map(async (path) => {
      try {
        const [{ data, stat }, { acl }] = await Promise.all([zk.getData(path), zk.getACL(path)]);
        return { path, data, stat, acl };
      } catch (err) {
        if (isZoonestError(err, 'NoNode') && path !== root) return undefined; // deleted meanwhile
        throw err;
      }
    }),
  );
  const nodes: ExportedNode[] = [];
  let ephemerals = 0;
  for (const node of read) {
    if (!node) continue;
    // Ephemerals belong to their session, not to the data: a restore could not keep them.
    if (node.stat.ephemeralOwner !== '0') {
      ephemerals += 1;
      continue;
    }
    const text = bytesToUtf8(node.data);
    nodes.push({
      path: node.path,
      ...(text === undefined
        ? { data: bytesToBase64(node.data), encoding: 'base64' as const }
        : { data: text, encoding: 'utf8' as const }),
      mode: 'persistent',
      acl: node.acl,
    });
  }
  if (ephemerals > 0) output.warn(`skipped ${ephemerals} ephemeral node(s)`);
  return { format: FORMAT, version: 1, root, exportedAt: new Date().toISOString(), nodes };
}
