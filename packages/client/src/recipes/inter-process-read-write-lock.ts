import type { ZoonestClient } from '../zoonest-client';
import { READ, READ_LOCK_NAME, WRITE, WRITE_LOCK_NAME } from '@zoonest/protocol/recipes/contention';
import { InterProcessMutex } from './inter-process-mutex';
import { requireClient, requirePath } from './arguments';

/**
 * Curator's InterProcessReadWriteLock: `__READ__` and `__WRIT__` nodes under one path; readers
 * share, a writer excludes everyone, in arrival order.
 */
export class InterProcessReadWriteLock {
  constructor(
    private readonly client: ZoonestClient,
    readonly path: string,
  ) {
    requireClient('InterProcessReadWriteLock', client);
    requirePath('InterProcessReadWriteLock', path);
  }

  /** A new read hold (one instance per holder). */
  readLock(): InterProcessMutex {
    return new InterProcessMutex(this.client, this.path, READ_LOCK_NAME, READ);
  }

  writeLock(): InterProcessMutex {
    return new InterProcessMutex(this.client, this.path, WRITE_LOCK_NAME, WRITE);
  }
}
