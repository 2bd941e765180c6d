import type { ZoonestClient } from '../zoonest-client';
import { isZoonestError } from '../zoonest-error';
import {
  childrenOrEmpty,
  createWithParents,
  Deadline,
  deleteQuietly,
  oneShot,
} from './recipe-support';
import { requireClient, requireCount, requirePath } from './arguments';

const READY = 'ready';

/**
 * Curator's DistributedDoubleBarrier: `memberQty` members enter (ephemeral `{path}/{uuid}`),
 * and all start together once the last has entered (`{path}/ready`); leave() waits until all
 * have left.
 */
export class DistributedDoubleBarrier {
  readonly id = globalThis.crypto.randomUUID();

  constructor(
    private readonly client: ZoonestClient,
    readonly path: string,
    readonly memberQty: number,
  ) {
    requireClient('DistributedDoubleBarrier', client);
    requirePath('DistributedDoubleBarrier', path);
    requireCount('DistributedDoubleBarrier', 'memberQty', memberQty);
  }

  private get ourPath(): string {
    return `${this.path}/${this.id}`;
  }

  async enter(opts: { timeoutMs?: number } = {}): Promise<boolean> {
    const deadline = new Deadline(opts.timeoutMs);
    let { watcher, fired } = oneShot();
    const readyAlready =
      (await this.client.exists(`${this.path}/${READY}`, { watch: watcher })) !== null;
    await createWithParents(this.client, this.ourPath, undefined, 'ephemeral');
    if (readyAlready) return true;
    for (;;) {
      if ((await childrenOrEmpty(this.client, this.path)).length >= this.memberQty) {
        await this.client.create(`${this.path}/${READY}`).catch((err: unknown) => {
          if (!isZoonestError(err, 'NodeExists')) throw err;
        });
        return true;
      }
      if (!(await deadline.race(fired))) return false;
      ({ watcher, fired } = oneShot());
      if (await this.client.exists(`${this.path}/${READY}`, { watch: watcher })) return true;
    }
  }

  async leave(opts: { timeoutMs?: number } = {}): Promise<boolean> {
    const deadline = new Deadline(opts.timeoutMs);
    let ourNodeShouldExist = true;
    let left = true;
    for (;;) {
      const members = (await childrenOrEmpty(this.client, this.path))
        .filter((c) => c !== READY)
        .sort();
      if (members.length === 0) break;
      const index = members.indexOf(this.id);
      if (index < 0 && ourNodeShouldExist) throw new Error(`our node ${this.ourPath} is missing`);
      if (members.length === 1) {
        if (ourNodeShouldExist) await deleteQuietly(this.client, this.ourPath);
        break;
      }
      const target = `${this.path}/${index === 0 ? members[members.length - 1] : members[0]}`;
      const { watcher, fired } = oneShot();
      const stat = await this.client.exists(target, { watch: watcher });
      if (index !== 0 && ourNodeShouldExist) {
        await deleteQuietly(this.client, this.ourPath);
        ourNodeShouldExist = false;
      }
      if (stat && !(await deadline.race(fired))) {
        left = false;
        break;
      }
    }
    await deleteQuietly(this.client, `${this.path}/${READY}`);
    return left;
  }
}
