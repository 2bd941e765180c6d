import { Injectable } from '@nestjs/common';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { recipeName } from '../common/recipe-name';
import { COUNTERS_ROOT } from '../../protocol/recipes/recipe-paths';
import { createWithParents, dataOrNull, hasCode } from '../common/znode-ops';

/** Curator's DistributedAtomicLong encoding: an 8-byte big-endian long. */
function longBytes(value: bigint): Buffer {
  const buf = Buffer.alloc(8);
  buf.writeBigInt64BE(BigInt.asIntN(64, value));
  return buf;
}

function longOf(data: Buffer, path: string): bigint {
  if (data.length === 0) return 0n;
  if (data.length !== 8)
    throw new ZkError(ZkCode.BadArguments, path, 'the counter node does not hold an 8-byte long');
  return data.readBigInt64BE();
}

export interface CounterChange {
  preValue: bigint;
  postValue: bigint;
}

/**
 * Curator's DistributedAtomicLong, optimistic form: read, then set at the read version, again
 * until no one else wrote in between. A missing node counts as 0.
 */
@Injectable()
export class CounterService {
  constructor(private readonly zk: Coordinator) {}

  path(name: string): string {
    return `${COUNTERS_ROOT}/${recipeName(name, 'counter name')}`;
  }

  async get(ctx: ClientContext, name: string): Promise<bigint> {
    const path = this.path(name);
    const node = await dataOrNull(this.zk, ctx, path);
    return node ? longOf(node.data, path) : 0n;
  }

  async add(ctx: ClientContext, name: string, delta: bigint): Promise<CounterChange> {
    return this.update(ctx, name, (pre) => pre + delta);
  }

  /** Sets the value; with `expected`, only if the value is that (compareAndSet). */
  async set(
    ctx: ClientContext,
    name: string,
    value: bigint,
    expected?: bigint,
  ): Promise<CounterChange & { succeeded: boolean }> {
    let succeeded = true;
    const change = await this.update(ctx, name, (pre) => {
      if (expected !== undefined && pre !== expected) {
        succeeded = false;
        return null;
      }
      return value;
    });
    return { ...change, succeeded };
  }

  private async update(
    ctx: ClientContext,
    name: string,
    next: (pre: bigint) => bigint | null,
  ): Promise<CounterChange> {
    const path = this.path(name);
    for (;;) {
      const node = await dataOrNull(this.zk, ctx, path);
      const pre = node ? longOf(node.data, path) : 0n;
      const post = next(pre);
      if (post === null) return { preValue: pre, postValue: pre };
      const wrapped = BigInt.asIntN(64, post);
      try {
        if (node) await this.zk.setData(ctx, path, longBytes(wrapped), node.stat.version);
        else
          await createWithParents(this.zk, ctx, path, longBytes(wrapped), { mode: 'persistent' });
        return { preValue: pre, postValue: wrapped };
      } catch (err) {
        // Someone else wrote first: read again.
        if (!hasCode(err, ZkCode.BadVersion, ZkCode.NodeExists, ZkCode.NoNode)) throw err;
      }
    }
  }
}
