import type { OpResultJson, WriteOpJson } from '@zoonest/protocol/wire/write-op-json';
import type { CreateMode } from '@zoonest/protocol/wire/create-mode';
import type { Acl } from './acl';
import { toWire, type NodeDataInput } from './data-codec';

export type { CreateMode };

/** One op's result in a committed transaction. */
export type OpResult = OpResultJson;

export interface CreateOptions {
  /** Default 'persistent'; with `ttlMs` alone, 'persistent-ttl'. */
  mode?: CreateMode;
  /** For the TTL modes: delete the node once it is childless and unchanged this long. */
  ttlMs?: number;
  /** Default: Ids.OPEN_ACL_UNSAFE. */
  acl?: readonly Acl[];
}

export interface VersionOptions {
  /** Apply only at this version (-1, the default: any). */
  version?: number;
}

/** A create op as it travels. */
export function createOp(path: string, data: NodeDataInput | undefined, opts: CreateOptions = {}) {
  const mode = opts.mode ?? (opts.ttlMs !== undefined ? 'persistent-ttl' : 'persistent');
  return {
    path,
    ...toWire(data),
    mode,
    ...(opts.ttlMs !== undefined && { ttlMs: opts.ttlMs }),
    ...(opts.acl && { acl: [...opts.acl] }),
  };
}

/**
 * ZooKeeper's multi as a builder, as in Curator and kazoo: ops apply all or none.
 *
 *   await client.transaction().create('/a', 'x').setData('/b', 'y', { version: 3 }).commit();
 *
 * A failed commit throws a ZoonestError whose `results` give every op's code.
 */
export class Transaction {
  private readonly ops: WriteOpJson[] = [];

  constructor(private readonly run: (ops: WriteOpJson[]) => Promise<OpResult[]>) {}

  get size(): number {
    return this.ops.length;
  }

  create(path: string, data?: NodeDataInput, opts: CreateOptions = {}): this {
    this.ops.push({ op: 'create', ...createOp(path, data, opts) });
    return this;
  }

  setData(path: string, data: NodeDataInput, opts: VersionOptions = {}): this {
    this.ops.push({ op: 'setData', path, ...toWire(data), version: opts.version ?? -1 });
    return this;
  }

  delete(path: string, opts: VersionOptions = {}): this {
    this.ops.push({ op: 'delete', path, version: opts.version ?? -1 });
    return this;
  }

  /** Fails the transaction unless the node is at `version`. */
  check(path: string, version: number): this {
    this.ops.push({ op: 'check', path, version });
    return this;
  }

  commit(): Promise<OpResult[]> {
    return this.run([...this.ops]);
  }
}
