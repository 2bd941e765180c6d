import type { ZoonestClient } from '../zoonest-client';
import { isZoonestError } from '../zoonest-error';
import { createWithParents, Deadline, deleteQuietly, oneShot } from './recipe-support';
import { requireClient, requirePath } from './arguments';

/** Curator's DistributedBarrier: while the node exists, waitOnBarrier waits. */
export class DistributedBarrier {
  constructor(
    private readonly client: ZoonestClient,
    readonly path: string,
  ) {
    requireClient('DistributedBarrier', client);
    requirePath('DistributedBarrier', path);
  }

  async setBarrier(): Promise<void> {
    await createWithParents(this.client, this.path, undefined, 'persistent').catch(
      (err: unknown) => {
        if (!isZoonestError(err, 'NodeExists')) throw err;
      },
    );
  }

  async removeBarrier(): Promise<void> {
    await deleteQuietly(this.client, this.path);
  }

  /** True once the barrier is gone, false if it still stands at the timeout. */
  async waitOnBarrier(opts: { timeoutMs?: number } = {}): Promise<boolean> {
    const deadline = new Deadline(opts.timeoutMs);
    for (;;) {
      const { watcher, fired } = oneShot();
      if (!(await this.client.exists(this.path, { watch: watcher }))) return true;
      if (!(await deadline.race(fired))) return false;
    }
  }
}
