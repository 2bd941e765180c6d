import type { AclJson } from './acl-json';
import type { CreateMode } from './create-mode';
import type { DataEncoding } from './data-encoding';
import type { StatJson } from './stat-json';

/** One op of a multi on JSON transports. */
export interface WriteOpJson {
  op: 'create' | 'delete' | 'setData' | 'check';
  path: string;
  data?: string;
  encoding?: DataEncoding;
  mode?: CreateMode;
  ttlMs?: number;
  acl?: AclJson[];
  version?: number;
}

export type OpResultJson =
  | { op: 'create'; path: string; stat: StatJson }
  | { op: 'setData' | 'setACL'; stat: StatJson }
  | { op: 'delete' | 'check' | 'deleteContainer' };
