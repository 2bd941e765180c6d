import { Injectable } from '@nestjs/common';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import type { OpResult, WriteOp } from '../../core/write-request';
import { recipeName } from '../common/recipe-name';
import { LOCKS_ROOT } from '../../protocol/recipes/recipe-paths';
import { fencedWrite } from './fenced-write';
import { LockContenders, type AcquireOptions, type Acquired } from './lock-contenders';
import { LOCK_NAME, MUTEX } from '../../protocol/recipes/contention';
import type { LockState } from '../common/recipe-states';

export type { LockState };

/** Curator's InterProcessMutex: fair, herd-free, released with its session. */
@Injectable()
export class LockService {
  private readonly contenders: LockContenders;

  constructor(private readonly zk: Coordinator) {
    this.contenders = new LockContenders(zk);
  }

  dir(name: string): string {
    return `${LOCKS_ROOT}/${recipeName(name, 'lock name')}`;
  }

  async acquire(ctx: ClientContext, name: string, opts: AcquireOptions = {}): Promise<Acquired> {
    const held = await this.contenders.acquire(ctx, this.dir(name), LOCK_NAME, MUTEX, opts);
    return held ? { acquired: true, ...held } : { acquired: false };
  }

  async release(ctx: ClientContext, name: string, node: string): Promise<void> {
    await this.contenders.release(ctx, this.dir(name), recipeName(node, 'node'));
  }

  async describe(ctx: ClientContext, name: string): Promise<LockState> {
    const dir = this.dir(name);
    const [holder, ...waiters] = await this.contenders.list(ctx, dir, MUTEX);
    return { name, path: dir, holder: holder ?? null, waiters };
  }

  async guardedWrite(
    ctx: ClientContext,
    name: string,
    token: number,
    ops: WriteOp[],
  ): Promise<OpResult[]> {
    return fencedWrite(this.zk, ctx, this.dir(name), MUTEX, token, ops);
  }
}
