import { WRITE_LOCK_NAME } from '../../protocol/recipes/contention';

/** InterProcessSemaphoreV2's children: the mutex its acquirers take, and the leases. */
export const SEMAPHORE_LOCKS = 'locks';
export const SEMAPHORE_LEASES = 'leases';

export function isWriteNode(name: string): boolean {
  return name.includes(WRITE_LOCK_NAME);
}
