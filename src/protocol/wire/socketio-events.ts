/** The Socket.IO contract of namespace `/zoonest`, shared by the server and the client. */
import type { AclJson } from './acl-json';
import type { CreateMode } from './create-mode';
import type { DataEncoding } from './data-encoding';
import type { ErrorJson } from './error-json';
import type { StatJson } from './stat-json';
import type { OpResultJson, WriteOpJson } from './write-op-json';

export const NAMESPACE = '/zoonest';

/** `auth` of the Socket.IO handshake: open a session, or resume one. */
export type HandshakeAuth =
  { timeoutMs?: number } | { sessionId: string; password: string; lastZxid?: number };

export interface SessionEvent {
  sessionId: string;
  /** Base64 of the session password, for resuming. */
  password: string;
  timeoutMs: number;
  resumed: boolean;
  lastZxid: number;
}

export type WatchEventType =
  'NodeCreated' | 'NodeDeleted' | 'NodeDataChanged' | 'NodeChildrenChanged';

export interface WatchEventJson {
  type: WatchEventType;
  path: string;
  zxid: number;
}

export interface ChangeEventJson {
  subscriptionId: number;
  type: WatchEventType | 'NodeACLChanged';
  path: string;
  zxid: number;
  stat: StatJson;
}

export type Ack<T> = (error: ErrorJson | null, result?: T) => void;

export interface CreateRequest {
  path: string;
  data?: string;
  encoding?: DataEncoding;
  mode?: CreateMode;
  ttlMs?: number;
  acl?: AclJson[];
}
export interface PathRequest {
  path: string;
}
export interface ReadRequest {
  path: string;
  watch?: boolean;
  encoding?: DataEncoding;
}
export interface SetDataRequest {
  path: string;
  data?: string;
  encoding?: DataEncoding;
  version?: number;
}
export interface DeleteRequest {
  path: string;
  version?: number;
  recursive?: boolean;
}
export interface SetAclRequest {
  path: string;
  acl: AclJson[];
  version?: number;
}
export interface MultiRequest {
  ops: WriteOpJson[];
}
export interface MultiReadRequest {
  ops: Array<{ op: 'getData' | 'getChildren'; path: string }>;
  encoding?: DataEncoding;
}
export type MultiReadResultJson =
  | { op: 'getData'; data: string; stat: StatJson }
  | { op: 'getChildren'; children: string[] }
  | { op: 'error'; error: ErrorJson };
export interface AddWatchRequest {
  path: string;
  mode: 'persistent' | 'persistent-recursive';
}
export interface RemoveWatchesRequest {
  path: string;
  type?: 'children' | 'data' | 'any' | 'persistent' | 'persistent-recursive';
}
export interface AuthRequest {
  scheme: string;
  credentials: string;
}
export interface SubscribeRequest {
  path: string;
  recursive?: boolean;
  fromZxid?: number;
}

export interface ClientToServer {
  create: (req: CreateRequest, ack: Ack<{ path: string; stat: StatJson }>) => void;
  getData: (
    req: ReadRequest,
    ack: Ack<{ data: string; encoding: DataEncoding; stat: StatJson }>,
  ) => void;
  setData: (req: SetDataRequest, ack: Ack<{ stat: StatJson }>) => void;
  delete: (req: DeleteRequest, ack: Ack<Record<string, never>>) => void;
  exists: (req: ReadRequest, ack: Ack<{ stat: StatJson | null }>) => void;
  getChildren: (req: ReadRequest, ack: Ack<{ children: string[]; stat: StatJson }>) => void;
  getAllChildrenNumber: (req: PathRequest, ack: Ack<{ count: number }>) => void;
  getEphemerals: (req: { prefix?: string }, ack: Ack<{ paths: string[] }>) => void;
  getACL: (req: PathRequest, ack: Ack<{ acl: AclJson[]; stat: StatJson }>) => void;
  setACL: (req: SetAclRequest, ack: Ack<{ stat: StatJson }>) => void;
  multi: (req: MultiRequest, ack: Ack<{ results: OpResultJson[] }>) => void;
  multiRead: (req: MultiReadRequest, ack: Ack<{ results: MultiReadResultJson[] }>) => void;
  sync: (req: PathRequest, ack: Ack<{ path: string; zxid: number }>) => void;
  addWatch: (req: AddWatchRequest, ack: Ack<Record<string, never>>) => void;
  removeWatches: (req: RemoveWatchesRequest, ack: Ack<Record<string, never>>) => void;
  addAuth: (req: AuthRequest, ack: Ack<Record<string, never>>) => void;
  subscribe: (req: SubscribeRequest, ack: Ack<{ subscriptionId: number }>) => void;
  unsubscribe: (req: { subscriptionId: number }, ack: Ack<Record<string, never>>) => void;
  closeSession: (req: Record<string, never>, ack: Ack<Record<string, never>>) => void;
}

export interface ServerToClient {
  session: (event: SessionEvent) => void;
  watch: (event: WatchEventJson) => void;
  change: (event: ChangeEventJson) => void;
  /** The session ended (expired or closed); the server disconnects right after. */
  sessionClosed: (event: { sessionId: string; reason: 'expired' | 'closed' }) => void;
}
