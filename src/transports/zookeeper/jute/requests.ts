import type { Acl } from '../../../core/acl';
import type { ReadOp, WatchSet } from '../../../core/coordinator-types';
import type { AddWatchMode, WatcherType } from '../../../core/watch-event';
import type { CreateMode } from '../../../core/znode';

/**
 * The first packet of a connection (it has no RequestHeader). `withReadOnly` is false for
 * clients before ZooKeeper 3.4 (and node-zookeeper-client) that omit the trailing readOnly flag;
 * their ConnectResponse must omit it too.
 */
export interface ConnectRequest {
  protocolVersion: number;
  lastZxidSeen: number;
  timeoutMs: number;
  /** 0n asks for a new session. */
  sessionId: bigint;
  passwd: Buffer;
  readOnly: boolean;
  withReadOnly: boolean;
}

/** create answers with the path only; create2, createTTL and createContainer add the Stat. */
export type CreateOpName = 'create' | 'create2' | 'createContainer' | 'createTTL';

export interface CreateRequest {
  type: CreateOpName;
  xid: number;
  path: string;
  data: Buffer;
  acl: Acl[];
  mode: CreateMode;
  /** Only for createTTL. */
  ttlMs?: number;
}

export interface DeleteRequest {
  type: 'delete';
  xid: number;
  path: string;
  version: number;
}

export interface DeleteContainerRequest {
  type: 'deleteContainer';
  xid: number;
  path: string;
}

export interface ExistsRequest {
  type: 'exists';
  xid: number;
  path: string;
  watch: boolean;
}

export interface GetDataRequest {
  type: 'getData';
  xid: number;
  path: string;
  watch: boolean;
}

export interface SetDataRequest {
  type: 'setData';
  xid: number;
  path: string;
  data: Buffer;
  version: number;
}

export interface GetAclRequest {
  type: 'getACL';
  xid: number;
  path: string;
}

export interface SetAclRequest {
  type: 'setACL';
  xid: number;
  path: string;
  acl: Acl[];
  version: number;
}

/** getChildren answers with the names; getChildren2 adds the parent's Stat. */
export interface GetChildrenRequest {
  type: 'getChildren' | 'getChildren2';
  xid: number;
  path: string;
  watch: boolean;
}

export interface SyncRequest {
  type: 'sync';
  xid: number;
  path: string;
}

/** One write inside a multi, keyed by its op name like the requests themselves. */
export type MultiOp =
  | Omit<CreateRequest, 'xid'>
  | Omit<DeleteRequest, 'xid'>
  | Omit<SetDataRequest, 'xid'>
  | { type: 'check'; path: string; version: number };

export interface MultiRequest {
  type: 'multi';
  xid: number;
  ops: MultiOp[];
}

export interface MultiReadRequest {
  type: 'multiRead';
  xid: number;
  ops: ReadOp[];
}

export interface ReconfigRequest {
  type: 'reconfig';
  xid: number;
  joiningServers: string | null;
  leavingServers: string | null;
  newMembers: string | null;
  curConfigId: bigint;
}

/** ZooKeeper 3.7+ also names persistent (4) and persistent-recursive (5) watches. */
export type WireWatcherType = WatcherType | 'persistent' | 'persistent-recursive';

export interface WatchesRequest {
  type: 'checkWatches' | 'removeWatches';
  xid: number;
  path: string;
  watcherType: WireWatcherType;
}

/** Sent with xid -4; `authType` is unused by ZooKeeper (clients send 0). */
export interface AuthRequest {
  type: 'auth';
  xid: number;
  authType: number;
  scheme: string;
  auth: Buffer;
}

/** setWatches carries no persistent lists; they decode empty. */
export interface SetWatchesRequest {
  type: 'setWatches' | 'setWatches2';
  xid: number;
  relativeZxid: number;
  watches: WatchSet;
}

export interface SaslRequest {
  type: 'sasl';
  xid: number;
  token: Buffer;
}

export interface GetEphemeralsRequest {
  type: 'getEphemerals';
  xid: number;
  /** A null prefix decodes as '/'; ZooKeeper treats null, blank and '/' alike as "all". */
  prefixPath: string;
}

export interface GetAllChildrenNumberRequest {
  type: 'getAllChildrenNumber';
  xid: number;
  path: string;
}

export interface AddWatchRequest {
  type: 'addWatch';
  xid: number;
  path: string;
  mode: AddWatchMode;
}

/** Requests that are only a header. */
export interface HeaderOnlyRequest {
  type: 'ping' | 'closeSession' | 'whoAmI';
  xid: number;
}

/** Every request a connected client can send, keyed by ZooKeeper's op name. */
export type ZkRequest =
  | CreateRequest
  | DeleteRequest
  | DeleteContainerRequest
  | ExistsRequest
  | GetDataRequest
  | SetDataRequest
  | GetAclRequest
  | SetAclRequest
  | GetChildrenRequest
  | SyncRequest
  | MultiRequest
  | MultiReadRequest
  | ReconfigRequest
  | WatchesRequest
  | AuthRequest
  | SetWatchesRequest
  | SaslRequest
  | GetEphemeralsRequest
  | GetAllChildrenNumberRequest
  | AddWatchRequest
  | HeaderOnlyRequest;

export type ZkRequestType = ZkRequest['type'];
