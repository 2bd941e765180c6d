import { Injectable } from '@nestjs/common';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import type { OpResult, WriteOp } from '../../core/write-request';
import { recipeName } from '../common/recipe-name';
import { RW_LOCKS_ROOT } from '../../protocol/recipes/recipe-paths';
import { fencedWrite } from './fenced-write';
import { LockContenders, type AcquireOptions, type Acquired } from './lock-contenders';
import { READ, READ_LOCK_NAME, WRITE, WRITE_LOCK_NAME } from '../../protocol/recipes/contention';
import { isWriteNode } from './lock-kinds';
import type { LockMode, RwContenderJson, RwLockState } from '../common/recipe-states';

export type { LockMode, RwContenderJson, RwLockState };

/** Curator's InterProcessReadWriteLock: many readers or one writer, in arrival order. */
@Injectable()
export class RwLockService {
  private readonly contenders: LockContenders;

  constructor(private readonly zk: Coordinator) {
    this.contenders = new LockContenders(zk);
  }

  dir(name: string): string {
    return `${RW_LOCKS_ROOT}/${recipeName(name, 'lock name')}`;
  }

  async acquire(
    ctx: ClientContext,
    name: string,
    mode: LockMode,
    opts: AcquireOptions = {},
  ): Promise<Acquired & { mode: LockMode }> {
    const held = await this.contenders.acquire(
      ctx,
      this.dir(name),
      mode === 'read' ? READ_LOCK_NAME : WRITE_LOCK_NAME,
      mode === 'read' ? READ : WRITE,
      opts,
    );
    return held ? { acquired: true, mode, ...held } : { acquired: false, mode };
  }

  async release(ctx: ClientContext, name: string, node: string): Promise<void> {
    await this.contenders.release(ctx, this.dir(name), recipeName(node, 'node'));
  }

  async describe(ctx: ClientContext, name: string): Promise<RwLockState> {
    const dir = this.dir(name);
    const all = await this.contenders.list(ctx, dir, WRITE);
    const ordered = all.map((c) => c.node);
    const state: RwLockState = { name, path: dir, readers: [], writer: null, waiters: [] };
    for (const c of all) {
      const mode: LockMode = isWriteNode(c.node) ? 'write' : 'read';
      const judge = mode === 'write' ? WRITE.judge : READ.judge;
      const entry = { ...c, mode };
      if (!judge(ordered, c.node).holds) state.waiters.push(entry);
      else if (mode === 'write') state.writer = entry;
      else state.readers.push(entry);
    }
    return state;
  }

  /** Only a write hold fences a write. */
  async guardedWrite(
    ctx: ClientContext,
    name: string,
    token: number,
    ops: WriteOp[],
  ): Promise<OpResult[]> {
    return fencedWrite(this.zk, ctx, this.dir(name), WRITE, token, ops, isWriteNode);
  }
}
