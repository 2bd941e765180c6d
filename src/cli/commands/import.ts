import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { base64ToBytes, parentOf, type ZoonestClient } from '@zoonest/client';
import { withContext } from '../cli-context';
import { CliError, ExitCode } from '../exit-code';
import { parseDocument, rebase, type ExportedNode } from '../subtree-document';

interface ImportOptions {
  to?: string;
  overwrite?: boolean;
}

/** Ops per transaction: each chunk lands all or nothing. */
const CHUNK = 500;

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('restore a subtree from a file made by export ("-" reads stdin)')
    .argument('<file>')
    .option('--to <path>', 'restore under this path instead of the exported root')
    .option('--overwrite', 'replace data and ACL of nodes that exist (default: refuse)')
    .action((file: string, opts: ImportOptions, command: Command) =>
      withContext(command, async ({ client, output }) => {
        const doc = parseDocument(await readJson(file), file);
        const to = opts.to ?? doc.root;
        const nodes = doc.nodes.map((n) => ({ ...n, path: rebase(n.path, doc.root, to) }));
        const zk = await client();
        if (to !== '/') await zk.ensurePath(parentOf(to));
        const result = await importNodes(zk, nodes, opts.overwrite === true);
        output.result({ root: to, ...result }, () => [
          `Imported ${nodes.length} node(s) under ${to}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
        ]);
      }),
    );
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliError(`${file} is not JSON: ${(err as Error).message}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Creates what is missing, parents first; existing nodes only with `overwrite`. */
export async function importNodes(
  zk: ZoonestClient,
  nodes: ExportedNode[],
  overwrite: boolean,
): Promise<{ created: number; updated: number; unchanged: number }> {
  const ordered = [...nodes].sort((a, b) => depth(a.path) - depth(b.path));
  const stats = await Promise.all(ordered.map((n) => zk.exists(n.path)));
  // The root node always exists; it is only touched when overwriting.
  const existing = ordered.filter((n, i) => stats[i] !== null && (overwrite || n.path !== '/'));
  const missing = ordered.filter((_, i) => stats[i] === null);
  if (existing.length > 0 && !overwrite) {
    const some = existing.slice(0, 3).map((n) => n.path);
    throw new CliError(
      `NodeExists: ${some.join(', ')}${existing.length > 3 ? ` and ${existing.length - 3} more` : ''} (use --overwrite to replace)`,
      ExitCode.Failed,
    );
  }
  for (let i = 0; i < missing.length; i += CHUNK) {
    const txn = zk.transaction();
    for (const node of missing.slice(i, i + CHUNK)) {
      txn.create(node.path, dataOf(node), {
        mode: node.mode,
        ...(node.ttlMs !== undefined && { ttlMs: node.ttlMs }),
        acl: node.acl,
      });
    }
    await txn.commit();
  }
  // Only what differs is written: a node whose ACL forbids it may still match already.
  const changed = await Promise.all(existing.map((node) => overwriteNode(zk, node)));
  const updated = changed.filter(Boolean).length;
  return { created: missing.length, updated, unchanged: existing.length - updated };
}

async function overwriteNode(zk: ZoonestClient, node: ExportedNode): Promise<boolean> {
  const [{ data }, { acl }] = await Promise.all([zk.getData(node.path), zk.getACL(node.path)]);
  const wanted = dataOf(node);
  const bytes = typeof wanted === 'string' ? Buffer.from(wanted, 'utf8') : wanted;
  const dataDiffers = !Buffer.from(data).equals(bytes);
  const aclDiffers = JSON.stringify(acl) !== JSON.stringify(node.acl);
  if (dataDiffers) await zk.setData(node.path, wanted);
  if (aclDiffers) await zk.setACL(node.path, node.acl);
  return dataDiffers || aclDiffers;
}

function dataOf(node: ExportedNode): Uint8Array | string {
  return node.encoding === 'base64' ? base64ToBytes(node.data) : node.data;
}

function depth(path: string): number {
  return path === '/' ? 0 : path.split('/').length - 1;
}
