import type { Acl } from './acl';

export type NodeKind = 'persistent' | 'ephemeral' | 'container' | 'ttl';

export type CreateMode =
  | 'persistent'
  | 'ephemeral'
  | 'persistent-sequential'
  | 'ephemeral-sequential'
  | 'container'
  | 'persistent-ttl'
  | 'persistent-sequential-ttl';

export const CREATE_MODES: readonly CreateMode[] = [
  'persistent',
  'ephemeral',
  'persistent-sequential',
  'ephemeral-sequential',
  'container',
  'persistent-ttl',
  'persistent-sequential-ttl',
];

export function isSequential(mode: CreateMode): boolean {
  return mode.includes('sequential');
}

export function kindOf(mode: CreateMode): NodeKind {
  if (mode.startsWith('ephemeral')) return 'ephemeral';
  if (mode === 'container') return 'container';
  if (mode.endsWith('-ttl')) return 'ttl';
  return 'persistent';
}

/**
 * A znode as it is stored: in the transaction log, in the database and in memory.
 * `cversion` counts the creates of children, as ZooKeeper keeps it internally; the Stat a client
 * sees reports `2 * cversion - numChildren` (creates plus deletes).
 */
export interface NodeRecord {
  path: string;
  data: Buffer;
  acl: Acl[];
  kind: NodeKind;
  /** Time to live for kind 'ttl', else 0. */
  ttlMs: number;
  /** Owning session for kind 'ephemeral', else 0n. */
  ephemeralOwner: bigint;
  czxid: number;
  mzxid: number;
  pzxid: number;
  ctime: number;
  mtime: number;
  version: number;
  cversion: number;
  aversion: number;
}

/** A znode as readers see it: its record and how many children it has. */
export interface ZNode extends NodeRecord {
  numChildren: number;
}

/** The fields of a node a transaction changes once the node exists. */
export type NodeChange = Partial<
  Pick<
    NodeRecord,
    'data' | 'acl' | 'version' | 'cversion' | 'aversion' | 'mzxid' | 'mtime' | 'pzxid'
  >
>;
