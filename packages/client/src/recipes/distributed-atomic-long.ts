import type { ZoonestClient } from '../zoonest-client';
import { isZoonestError } from '../zoonest-error';
import { createWithParents } from './recipe-support';
import { requireClient, requirePath } from './arguments';

export interface AtomicValue {
  succeeded: boolean;
  preValue: bigint;
  postValue: bigint;
}

function toBytes(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, BigInt.asIntN(64, value));
  return out;
}

function fromBytes(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigInt64(0);
}

/** Curator's DistributedAtomicLong (optimistic mode): an 8-byte long, set at the read version. */
export class DistributedAtomicLong {
  constructor(
    private readonly client: ZoonestClient,
    readonly path: string,
  ) {
    requireClient('DistributedAtomicLong', client);
    requirePath('DistributedAtomicLong', path);
  }

  async get(): Promise<bigint> {
    try {
      return fromBytes((await this.client.getData(this.path)).data);
    } catch (err) {
      if (isZoonestError(err, 'NoNode')) return 0n;
      throw err;
    }
  }

  increment(): Promise<AtomicValue> {
    return this.add(1n);
  }

  decrement(): Promise<AtomicValue> {
    return this.add(-1n);
  }

  add(delta: bigint): Promise<AtomicValue> {
    return this.update((pre) => pre + delta);
  }

  compareAndSet(expected: bigint, value: bigint): Promise<AtomicValue> {
    return this.update((pre) => (pre === expected ? value : null));
  }

  private async update(next: (pre: bigint) => bigint | null): Promise<AtomicValue> {
    for (;;) {
      let pre = 0n;
      let version: number | undefined;
      try {
        const node = await this.client.getData(this.path);
        pre = fromBytes(node.data);
        version = node.stat.version;
      } catch (err) {
        if (!isZoonestError(err, 'NoNode')) throw err;
      }
      const post = next(pre);
      if (post === null) return { succeeded: false, preValue: pre, postValue: pre };
      try {
        if (version === undefined)
          await createWithParents(this.client, this.path, toBytes(post), 'persistent');
        else await this.client.setData(this.path, toBytes(post), { version });
        return { succeeded: true, preValue: pre, postValue: BigInt.asIntN(64, post) };
      } catch (err) {
        const raced =
          isZoonestError(err, 'BadVersion') ||
          isZoonestError(err, 'NodeExists') ||
          isZoonestError(err, 'NoNode');
        if (!raced) throw err;
      }
    }
  }
}
