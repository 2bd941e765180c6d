import { Injectable } from '@nestjs/common';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { childPath } from '../../core/path';
import type { OpResult, WriteOp } from '../../core/write-request';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { abortedError } from '../common/aborted-error';
import { Deadline } from '../common/deadline';
import { OneShotWatch } from '../common/one-shot-watch';
import { recipeName } from '../common/recipe-name';
import { SEMAPHORES_ROOT } from '../../protocol/recipes/recipe-paths';
import { dataOrNull, deleteQuietly, ensurePath } from '../common/znode-ops';
import { fencedWrite } from './fenced-write';
import { LockContenders, type AcquireOptions, type Acquired } from './lock-contenders';
import { LEASE_NAME, LOCK_NAME, MUTEX, type Contention } from '../../protocol/recipes/contention';
import { SEMAPHORE_LEASES, SEMAPHORE_LOCKS } from './lock-kinds';
import type { SemaphoreState } from '../common/recipe-states';

export type { SemaphoreState };

/** A lease holds from the moment it got in; once in, nothing later can push it out. */
const LEASES: Contention = {
  lockNames: [LEASE_NAME],
  judge: () => ({ holds: true }),
};

/** Curator's SharedCount encoding: a 4-byte big-endian int. */
function countBytes(n: number): Buffer {
  const buf = Buffer.alloc(4);
  buf.writeInt32BE(n);
  return buf;
}

/**
 * Curator's InterProcessSemaphoreV2: up to N leases. An acquirer takes the `locks` mutex, adds
 * its lease under `leases`, and waits (alone, holding the mutex, so no herd) until the leases
 * number at most N.
 */
@Injectable()
export class SemaphoreService {
  private readonly contenders: LockContenders;

  constructor(private readonly zk: Coordinator) {
    this.contenders = new LockContenders(zk);
  }

  dir(name: string): string {
    return `${SEMAPHORES_ROOT}/${recipeName(name, 'semaphore name')}`;
  }

  /** The stored lease count (set with setMaxLeases), or null. */
  async storedMaxLeases(ctx: ClientContext, name: string): Promise<number | null> {
    const node = await dataOrNull(this.zk, ctx, this.dir(name));
    return node && node.data.length === 4 ? node.data.readInt32BE() : null;
  }

  async setMaxLeases(ctx: ClientContext, name: string, maxLeases: number): Promise<void> {
    const dir = this.dir(name);
    await ensurePath(this.zk, ctx, dir);
    await this.zk.setData(ctx, dir, countBytes(maxLeases));
  }

  async acquire(
    ctx: ClientContext,
    name: string,
    opts: AcquireOptions & { maxLeases?: number } = {},
  ): Promise<Acquired> {
    const dir = this.dir(name);
    const maxLeases = opts.maxLeases ?? (await this.storedMaxLeases(ctx, name));
    if (maxLeases === null) {
      throw ZkError.badArguments(
        `semaphore ${name} has no lease count: pass maxLeases, or set it with PUT /api/v1/semaphores/${name}`,
      );
    }
    const deadline = new Deadline(opts.timeoutMs);
    const mutex = await this.contenders.acquire(
      ctx,
      childPath(dir, SEMAPHORE_LOCKS),
      LOCK_NAME,
      MUTEX,
      opts,
      deadline,
    );
    if (!mutex) return { acquired: false };
    try {
      const leases = childPath(dir, SEMAPHORE_LEASES);
      const lease = await this.contenders.enqueue(ctx, leases, LEASE_NAME, opts.owner);
      let got = false;
      try {
        got = await this.awaitRoom(ctx, leases, lease.node, maxLeases, deadline, opts.signal);
      } finally {
        if (!got) await deleteQuietly(this.zk, ctx, lease.path).catch(() => false);
      }
      return got ? { acquired: true, ...lease } : { acquired: false };
    } finally {
      await deleteQuietly(this.zk, ctx, mutex.path).catch(() => false);
    }
  }

  async release(ctx: ClientContext, name: string, node: string): Promise<void> {
    const leases = childPath(this.dir(name), SEMAPHORE_LEASES);
    await this.contenders.release(ctx, leases, recipeName(node, 'node'));
  }

  async describe(ctx: ClientContext, name: string): Promise<SemaphoreState> {
    const dir = this.dir(name);
    const maxLeases = await this.storedMaxLeases(ctx, name);
    const all = await this.contenders.list(ctx, childPath(dir, SEMAPHORE_LEASES), LEASES);
    // Only the mutex holder can be waiting, and its lease is the newest.
    const room = maxLeases ?? all.length;
    return {
      name,
      path: dir,
      maxLeases,
      holders: all.slice(0, room),
      waiters: all.slice(room),
    };
  }

  async guardedWrite(
    ctx: ClientContext,
    name: string,
    token: number,
    ops: WriteOp[],
  ): Promise<OpResult[]> {
    return fencedWrite(
      this.zk,
      ctx,
      childPath(this.dir(name), SEMAPHORE_LEASES),
      LEASES,
      token,
      ops,
    );
  }

  private async awaitRoom(
    ctx: ClientContext,
    leases: string,
    ours: string,
    maxLeases: number,
    deadline: Deadline,
    signal?: AbortSignal,
  ): Promise<boolean> {
    for (;;) {
      const watch = new OneShotWatch(this.zk).on(leases);
      let children: string[];
      try {
        ({ children } = await this.zk.getChildren(ctx, leases, watch));
      } catch (err) {
        watch.cancel();
        throw err;
      }
      if (!children.includes(ours)) {
        watch.cancel();
        throw new ZkError(ZkCode.NoNode, childPath(leases, ours), 'our lease node is gone');
      }
      if (children.length <= maxLeases) {
        watch.cancel();
        return true;
      }
      const outcome = await watch.wait(deadline, signal);
      if (outcome === 'aborted') throw abortedError(this.zk, ctx);
      if (outcome === 'timeout') return false;
    }
  }
}
