import { mutexJudge, type Contention, type Standing } from '../common/contender-wait';
import { sortContenders } from '../common/protected-name';

/** Curator's node names: InterProcessMutex `lock-`, InterProcessReadWriteLock `__READ__`/`__WRIT__`. */
export const LOCK_NAME = 'lock-';
export const READ_LOCK_NAME = '__READ__';
export const WRITE_LOCK_NAME = '__WRIT__';
/** InterProcessSemaphoreV2's children and lease name. */
export const SEMAPHORE_LOCKS = 'locks';
export const SEMAPHORE_LEASES = 'leases';
export const LEASE_NAME = 'lease-';

export const MUTEX: Contention = {
  order: (children) => sortContenders(children, [LOCK_NAME]),
  judge: mutexJudge,
};

const rwOrder = (children: string[]) => sortContenders(children, [READ_LOCK_NAME, WRITE_LOCK_NAME]);

/** A writer waits for everyone ahead of it, readers included. */
export const WRITE_LOCK: Contention = { order: rwOrder, judge: mutexJudge };

/**
 * A reader holds when no writer is ahead of it, and watches the nearest writer ahead
 * (ZooKeeper's recipe; Curator watches the first writer, which decides the same holders).
 */
export const READ_LOCK: Contention = {
  order: rwOrder,
  judge: (ordered, ours): Standing => {
    let writer: string | undefined;
    for (const name of ordered) {
      if (name === ours) break;
      if (name.includes(WRITE_LOCK_NAME)) writer = name;
    }
    return writer === undefined ? { holds: true } : { holds: false, watch: writer };
  },
};

export function isWriteNode(name: string): boolean {
  return name.includes(WRITE_LOCK_NAME);
}
