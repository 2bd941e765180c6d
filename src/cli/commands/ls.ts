import type { Command } from 'commander';
import { childPath, type ZoonestClient } from '@zoonest/client';
import { withContext } from '../cli-context';
import { statLines } from '../output';

interface LsOptions {
  stat?: boolean;
  recursive?: boolean;
}

export function registerLs(program: Command): void {
  program
    .command('ls')
    .description('list the children of a node')
    .argument('<path>')
    .option('-s, --stat', 'also print the Stat of the node')
    .option('-R, --recursive', 'list every node below, depth first')
    .action((path: string, opts: LsOptions, command: Command) =>
      withContext(command, async ({ client, output }) => {
        const zk = await client();
        if (opts.recursive) {
          const paths = await subtreePaths(zk, path);
          return output.result({ path, paths }, () => paths);
        }
        const { children, stat } = await zk.getChildren(path, { includeStat: true });
        output.result(opts.stat ? { path, children, stat } : { path, children }, () => [
          ...children,
          ...(opts.stat ? statLines(stat) : []),
        ]);
      }),
    );
}

/** The path and every node below it, depth first, children in name order (zkCli's ls -R). */
export async function subtreePaths(zk: ZoonestClient, root: string): Promise<string[]> {
  const childrenOf = new Map<string, string[]>();
  let level = [root];
  while (level.length > 0) {
    const found = await Promise.all(
      level.map(async (p) => {
        const names = await zk.getChildren(p).catch((err: unknown) => {
          if (p === root) throw err;
          return [] as string[]; // deleted while we walked
        });
        return [p, names.map((n) => childPath(p, n))] as const;
      }),
    );
    level = [];
    for (const [p, kids] of found) {
      childrenOf.set(p, kids);
      level.push(...kids);
    }
  }
  const out: string[] = [];
  const visit = (p: string) => {
    out.push(p);
    for (const kid of childrenOf.get(p) ?? []) visit(kid);
  };
  visit(root);
  return out;
}
