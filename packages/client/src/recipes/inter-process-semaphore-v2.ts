import type { ZoonestClient } from '../zoonest-client';
import { ErrorCode } from '../error-code';
import { ZoonestError } from '../zoonest-error';
import { LEASE_NAME, order } from '@zoonest/protocol/recipes/contention';
import { InterProcessMutex } from './inter-process-mutex';
import { enqueue, type HeldNode } from './lock-node';
import { Deadline, deleteQuietly, nameOf, oneShot } from './recipe-support';
import { requireClient, requireCount, requirePath } from './arguments';

/** One lease of a semaphore; close it to give it back. */
export class Lease {
  constructor(
    private readonly client: ZoonestClient,
    readonly node: HeldNode,
  ) {}

  get token(): number {
    return this.node.token;
  }

  async close(): Promise<void> {
    await deleteQuietly(this.client, this.node.path);
  }
}

/**
 * Curator's InterProcessSemaphoreV2: at most `maxLeases` leases under `{path}/leases`, granted
 * in turn through the `{path}/locks` mutex. Every user of the path must agree on maxLeases.
 */
export class InterProcessSemaphoreV2 {
  constructor(
    private readonly client: ZoonestClient,
    readonly path: string,
    readonly maxLeases: number,
  ) {
    requireClient('InterProcessSemaphoreV2', client);
    requirePath('InterProcessSemaphoreV2', path);
    requireCount('InterProcessSemaphoreV2', 'maxLeases', maxLeases);
  }

  /** A lease, or null at the timeout. */
  async acquire(opts: { timeoutMs?: number } = {}): Promise<Lease | null> {
    const deadline = new Deadline(opts.timeoutMs);
    const mutex = new InterProcessMutex(this.client, `${this.path}/locks`);
    if (!(await mutex.acquire(opts))) return null;
    const leases = `${this.path}/leases`;
    try {
      const held = await enqueue(this.client, leases, LEASE_NAME, this.client.sessionId);
      let ok = false;
      try {
        for (;;) {
          const { watcher, fired } = oneShot();
          const children = await this.client.getChildren(leases, { watch: watcher });
          if (!children.includes(nameOf(held.path))) {
            throw new ZoonestError(ErrorCode.NoNode, 'our lease node is gone', held.path);
          }
          if (children.length <= this.maxLeases) {
            ok = true;
            return new Lease(this.client, held);
          }
          if (!(await deadline.race(fired))) return null;
        }
      } finally {
        if (!ok) await deleteQuietly(this.client, held.path).catch(() => undefined);
      }
    } finally {
      await mutex.release();
    }
  }

  async getParticipantNodes(): Promise<string[]> {
    return order(await this.client.getChildren(`${this.path}/leases`).catch(() => []), [
      LEASE_NAME,
    ]);
  }
}
