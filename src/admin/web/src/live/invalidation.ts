import type { ChangeJson } from '../api/types';
import { parentOf } from '../lib/znode-paths';

export type QueryKey = readonly string[];

/** Which cached answers a batch of changes makes stale. */
export function staleQueries(events: readonly ChangeJson[]): QueryKey[] {
  const keys = new Map<string, QueryKey>();
  const add = (...key: string[]) => keys.set(key.join('\u0000'), key);
  for (const e of events) {
    add('node', e.path);
    if (e.type === 'NodeCreated' || e.type === 'NodeDeleted') {
      const parent = parentOf(e.path);
      add('children', parent);
      // The parent's own row (in its parent's list) shows how many children it has.
      if (parent !== '/') add('children', parentOf(parent));
      if (e.type === 'NodeDeleted') add('children', e.path);
    }
    if (e.ephemeral || e.type === 'NodeDeleted') add('sessions');
    if (e.path === '/dubbo' || e.path.startsWith('/dubbo/')) add('services');
    if (/^\/zoonest\/config(-history)?(\/|$)/.test(e.path)) add('config');
    else if (e.path.startsWith('/zoonest/')) add('coordination');
  }
  return [...keys.values()];
}
