import type { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { childPath } from '../../core/path';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { order, protectedName, type Contention } from '../../protocol/recipes/contention';
import { awaitTurn } from '../common/contender-wait';
import { Deadline, type WaitOptions } from '../common/deadline';
import { createWithParents, dataOrNull, deleteQuietly, readMany } from '../common/znode-ops';
import type { ContenderJson } from '../common/recipe-states';

export type { ContenderJson };

/** A held lock, lease or read/write lock: its node and its fencing token (the node's czxid). */
export interface Held {
  node: string;
  path: string;
  token: number;
}

export type Acquired = ({ acquired: true } & Held) | { acquired: false };

export interface AcquireOptions extends WaitOptions {
  /** Written into the lock node, for people looking at it (Curator writes the host address). */
  owner?: string;
}

/** Lock, semaphore and latch nodes of one directory, as Curator lays them out. */
export class LockContenders {
  constructor(private readonly zk: Coordinator) {}

  /** Joins the line with a protected ephemeral-sequential node (parents made as containers). */
  async enqueue(
    ctx: ClientContext,
    dir: string,
    baseName: string,
    owner = ctx.remoteAddress,
  ): Promise<Held> {
    const created = await createWithParents(
      this.zk,
      ctx,
      childPath(dir, protectedName(baseName)),
      Buffer.from(owner),
      { mode: 'ephemeral-sequential' },
    );
    const node = created.path.slice(dir.length + 1);
    return { node, path: created.path, token: created.stat.czxid };
  }

  /** Joins and waits for the turn; null on timeout, with our node removed again. */
  async acquire(
    ctx: ClientContext,
    dir: string,
    baseName: string,
    contention: Contention,
    opts: AcquireOptions,
    deadline = new Deadline(opts.timeoutMs),
  ): Promise<Held | null> {
    const held = await this.enqueue(ctx, dir, baseName, opts.owner);
    try {
      const outcome = await awaitTurn(
        this.zk,
        ctx,
        dir,
        held.node,
        contention,
        deadline,
        opts.signal,
      );
      if (outcome === 'holds') return held;
    } catch (err) {
      await this.abandon(ctx, held.path);
      throw err;
    }
    await this.abandon(ctx, held.path);
    return null;
  }

  /** Releases a node the caller's session owns. */
  async release(ctx: ClientContext, dir: string, node: string): Promise<void> {
    const path = childPath(dir, node);
    const found = await dataOrNull(this.zk, ctx, path);
    if (!found)
      throw new ZkError(ZkCode.NoNode, path, 'not held (released already, or its session ended)');
    if (found.stat.ephemeralOwner !== ctx.sessionId) {
      throw new ZkError(
        ZkCode.NoAuth,
        path,
        'held by another session; only its session releases it',
      );
    }
    await this.zk.delete(ctx, path, -1);
  }

  /** Every contender in line order, with who holds it. */
  async list(ctx: ClientContext, dir: string, contention: Contention): Promise<ContenderJson[]> {
    const children = await this.children(ctx, dir);
    const ordered = order(children, contention.lockNames);
    const nodes = await readMany(
      this.zk,
      ctx,
      ordered.map((name) => childPath(dir, name)),
    );
    return ordered.flatMap((name) => {
      const found = nodes.get(childPath(dir, name));
      if (!found) return [];
      return [
        {
          node: name,
          token: found.stat.czxid,
          sessionId: found.stat.ephemeralOwner.toString(),
          owner: found.data.toString('utf8'),
          since: found.stat.ctime,
        },
      ];
    });
  }

  async children(ctx: ClientContext, dir: string): Promise<string[]> {
    try {
      return (await this.zk.getChildren(ctx, dir)).children;
    } catch (err) {
      if (err instanceof ZkError && err.code === ZkCode.NoNode) return [];
      throw err;
    }
  }

  /** Removes our node after a timeout or failure; a session already gone took it with it. */
  private async abandon(ctx: ClientContext, path: string): Promise<void> {
    await deleteQuietly(this.zk, ctx, path).catch(() => false);
  }
}
