import type { Acl, CreateMode } from '@zoonest/client';
import { CliError } from './exit-code';

export const FORMAT = 'zoonest-export';

/** One node of an export: data as text when it is UTF-8, else base64. */
export interface ExportedNode {
  path: string;
  data: string;
  encoding: 'utf8' | 'base64';
  mode: CreateMode;
  ttlMs?: number;
  acl: Acl[];
}

/** What `zoonest export` writes and `zoonest import` reads. */
export interface SubtreeDocument {
  format: typeof FORMAT;
  version: 1;
  root: string;
  exportedAt: string;
  /** Parents before children. */
  nodes: ExportedNode[];
}

/** Checks a parsed file, saying precisely what is wrong with it. */
export function parseDocument(value: unknown, source: string): SubtreeDocument {
  const fail = (why: string): never => {
    throw new CliError(`${source} is not a zoonest export: ${why}`);
  };
  if (typeof value !== 'object' || value === null) fail('not a JSON object');
  const doc = value as Partial<SubtreeDocument>;
  if (doc.format !== FORMAT) fail(`"format" must be "${FORMAT}"`);
  if (doc.version !== 1) fail('"version" must be 1');
  if (typeof doc.root !== 'string' || !doc.root.startsWith('/')) fail('"root" must be a path');
  if (!Array.isArray(doc.nodes)) fail('"nodes" must be a list');
  (doc.nodes as unknown[]).forEach((n, i) => {
    const node = n as Partial<ExportedNode> | null;
    const where = `nodes[${i}]`;
    if (typeof node?.path !== 'string' || !isWithin(node.path, doc.root as string)) {
      fail(`${where}.path must be a path at or below the root`);
    }
    if (typeof node?.data !== 'string') fail(`${where}.data must be a string`);
    if (node?.encoding !== 'utf8' && node?.encoding !== 'base64') {
      fail(`${where}.encoding must be utf8 or base64`);
    }
    if (!Array.isArray(node?.acl)) fail(`${where}.acl must be a list`);
  });
  return doc as SubtreeDocument;
}

export function isWithin(path: string, root: string): boolean {
  return root === '/' ? path.startsWith('/') : path === root || path.startsWith(`${root}/`);
}

/** Moves `path` from below `from` to below `to`. */
export function rebase(path: string, from: string, to: string): string {
  if (from === to) return path;
  const rest = from === '/' ? path.slice(1) : path.slice(from.length + 1);
  if (path === from) return to;
  return to === '/' ? `/${rest}` : `${to}/${rest}`;
}
