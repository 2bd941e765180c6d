/** Curator's lock node names and ordering, as the server's lock module uses them. */
export const LOCK_NAME = 'lock-';
export const READ_LOCK_NAME = '__READ__';
export const WRITE_LOCK_NAME = '__WRIT__';
export const LEASE_NAME = 'lease-';
export const LATCH_NAME = 'latch-';

export type Standing = { holds: true } | { holds: false; watch: string };

export interface Contention {
  lockNames: readonly string[];
  judge: (ordered: string[], ours: string) => Standing;
}

/** Curator's withProtection() prefix. */
export function protectedName(base: string): string {
  return `_c_${globalThis.crypto.randomUUID()}-${base}`;
}

function sortKey(name: string, lockName: string): string {
  const at = name.lastIndexOf(lockName);
  return at >= 0 ? name.slice(at + lockName.length) : name;
}

/** Contenders in Curator's order: by the text after each lock name, i.e. by sequence. */
export function order(children: readonly string[], lockNames: readonly string[]): string[] {
  const key = (name: string) => lockNames.reduce((s, lockName) => sortKey(s, lockName), name);
  return children
    .filter((c) => lockNames.some((n) => c.includes(n)))
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}

export function mutexJudge(ordered: string[], ours: string): Standing {
  const index = ordered.indexOf(ours);
  const ahead = ordered[index - 1];
  return index <= 0 || ahead === undefined ? { holds: true } : { holds: false, watch: ahead };
}

export const MUTEX: Contention = { lockNames: [LOCK_NAME], judge: mutexJudge };
export const WRITE: Contention = {
  lockNames: [READ_LOCK_NAME, WRITE_LOCK_NAME],
  judge: mutexJudge,
};
export const READ: Contention = {
  lockNames: [READ_LOCK_NAME, WRITE_LOCK_NAME],
  judge: (ordered, ours) => {
    let writer: string | undefined;
    for (const name of ordered) {
      if (name === ours) break;
      if (name.includes(WRITE_LOCK_NAME)) writer = name;
    }
    return writer === undefined ? { holds: true } : { holds: false, watch: writer };
  },
};
export const LATCH: Contention = { lockNames: [LATCH_NAME], judge: mutexJudge };
