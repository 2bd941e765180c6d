/**
 * Curator's lock node names and ordering, shared by the SDK's lock recipes and the server's lock
 * and election modules: InterProcessMutex `lock-`, InterProcessReadWriteLock `__READ__` /
 * `__WRIT__`, InterProcessSemaphoreV2 `lease-`, LeaderLatch `latch-`.
 */
export const LOCK_NAME = 'lock-';
export const READ_LOCK_NAME = '__READ__';
export const WRITE_LOCK_NAME = '__WRIT__';
export const LEASE_NAME = 'lease-';
export const LATCH_NAME = 'latch-';

/** Whether a contender holds, and if not, the one node it waits for. */
export type Standing = { holds: true } | { holds: false; watch: string };

export interface Contention {
  /** The names its contender nodes carry, by which they are ordered. */
  lockNames: readonly string[];
  judge: (ordered: string[], ours: string) => Standing;
}

/** Curator's `withProtection()` prefix: `_c_{uuid}-`, so a create retried after a lost reply is found. */
export function protectedName(base: string): string {
  return `_c_${globalThis.crypto.randomUUID()}-${base}`;
}

function sortKey(name: string, lockName: string): string {
  const at = name.lastIndexOf(lockName);
  return at >= 0 ? name.slice(at + lockName.length) : name;
}

/**
 * Contenders in Curator's order: by the text after each lock name (the sequence suffix),
 * compared as Java compares strings (UTF-16 code units). Other children are left out.
 */
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

/** A mutex: the first holds; everyone else watches the one just ahead. */
export function mutexJudge(ordered: string[], ours: string): Standing {
  const index = ordered.indexOf(ours);
  const ahead = ordered[index - 1];
  return index <= 0 || ahead === undefined ? { holds: true } : { holds: false, watch: ahead };
}

export const MUTEX: Contention = { lockNames: [LOCK_NAME], judge: mutexJudge };
/** A writer waits for everyone ahead of it, readers included. */
export const WRITE: Contention = {
  lockNames: [READ_LOCK_NAME, WRITE_LOCK_NAME],
  judge: mutexJudge,
};
/**
 * A reader holds when no writer is ahead of it, and watches the nearest writer ahead
 * (ZooKeeper's recipe; Curator watches the first writer, which decides the same holders).
 */
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
