import { useQueries } from '@tanstack/react-query';
import { adminApi } from '../../api/admin-api';
import type { ChildJson, ChildPage } from '../../api/types';
import { ancestorsOf } from '../../lib/znode-paths';

const PAGE_SIZE = 200;

export type TreeRow =
  | { kind: 'node'; node: ChildJson; depth: number; expanded: boolean }
  | { kind: 'more'; parent: string; depth: number; remaining: number }
  | { kind: 'loading'; parent: string; depth: number };

/**
 * The visible rows of the tree: each expanded node's children, loaded a page at a time
 * (`pages` says how many pages of a node are asked for), so a huge tree costs only what shows.
 */
export function useTreeRows(expanded: ReadonlySet<string>, pages: ReadonlyMap<string, number>) {
  const visible = [...expanded].filter((p) => ancestorsOf(p).every((a) => expanded.has(a)));
  const wanted = visible.flatMap((path) =>
    Array.from({ length: pages.get(path) ?? 1 }, (_, page) => ({ path, page })),
  );
  const results = useQueries({
    queries: wanted.map(({ path, page }) => ({
      queryKey: ['children', path, page],
      queryFn: () => adminApi.children(path, page * PAGE_SIZE, PAGE_SIZE),
      placeholderData: (previous: ChildPage | undefined) => previous,
    })),
  });
  const loaded = new Map<string, { children: ChildJson[]; total: number; pending: boolean }>();
  wanted.forEach(({ path }, i) => {
    const r = results[i];
    const entry = loaded.get(path) ?? { children: [], total: 0, pending: false };
    if (r?.data) {
      entry.children.push(...r.data.children);
      entry.total = r.data.total;
    } else if (r?.isPending) {
      entry.pending = true;
    }
    loaded.set(path, entry);
  });

  // The root is in no child list; its row counts what its own list says.
  const root: ChildJson = {
    name: '/',
    path: '/',
    numChildren: loaded.get('/')?.total ?? 1,
    dataLength: 0,
    ephemeral: false,
  };
  const rows: TreeRow[] = [{ kind: 'node', node: root, depth: 0, expanded: expanded.has('/') }];
  const walk = (path: string, depth: number) => {
    const entry = loaded.get(path);
    if (!entry) return;
    for (const node of entry.children) {
      const shown = loaded.get(node.path)?.children.length ?? 0;
      const open = expanded.has(node.path) && (node.numChildren > 0 || shown > 0);
      rows.push({ kind: 'node', node, depth, expanded: open });
      if (open) walk(node.path, depth + 1);
    }
    if (entry.pending) rows.push({ kind: 'loading', parent: path, depth });
    else if (entry.total > entry.children.length)
      rows.push({
        kind: 'more',
        parent: path,
        depth,
        remaining: entry.total - entry.children.length,
      });
  };
  if (expanded.has('/')) walk('/', 1);
  return rows;
}
