/** The admin API's JSON, as the server sends it (see src/admin on the server side). */

export interface ErrorJson {
  code: number;
  name: string;
  message: string;
  path?: string;
}

export interface StatJson {
  czxid: number;
  mzxid: number;
  pzxid: number;
  ctime: number;
  mtime: number;
  version: number;
  cversion: number;
  aversion: number;
  ephemeralOwner: string;
  dataLength: number;
  numChildren: number;
}

export interface AclJson {
  scheme: string;
  id: string;
  perms: string;
}

export interface ChildJson {
  name: string;
  path: string;
  numChildren: number;
  dataLength: number;
  ephemeral: boolean;
}

export interface ChildPage {
  path: string;
  total: number;
  offset: number;
  children: ChildJson[];
}

export interface NodeJson {
  path: string;
  data: string;
  stat: StatJson;
  acl: AclJson[] | null;
}

export type CreateMode = 'persistent' | 'persistent-sequential' | 'container' | 'persistent-ttl';

export interface SessionRow {
  sessionId: string;
  hex: string;
  timeoutMs: number;
  expiresInMs: number | null;
  connections: number;
  transport: string;
  remoteAddress: string;
  ephemerals: string[];
  watches: string[];
}

export interface ServiceInstance {
  id: string;
  service: string;
  side: 'providers' | 'consumers';
  host: string;
  port: number;
  protocol: string;
  weight: number;
  status: string;
  metadata: Record<string, string>;
  url: string;
  node: string;
  sessionId: string;
  registeredAt: number;
  updatedAt: number;
}

export interface ServiceJson {
  service: string;
  providers: ServiceInstance[];
  consumers: ServiceInstance[];
}

export type ConfigFormat = 'json' | 'yaml' | 'properties' | 'text';

export interface NamespaceJson {
  name: string;
  groups: Array<{ name: string; keys: string[] }>;
}

export interface ConfigKey {
  namespace: string;
  group: string;
  key: string;
}

export interface ConfigEntry extends ConfigKey {
  content: string;
  format: ConfigFormat;
  version: number;
  md5: string;
  updatedAt: number;
}

export interface HistoryMeta {
  version: number;
  format: ConfigFormat;
  md5: string;
  publishedAt: number;
  rolledBackFrom?: number;
}

export interface ContenderJson {
  node: string;
  token: number;
  sessionId: string;
  owner: string;
  since: number;
}

export interface LockState {
  name: string;
  path: string;
  holder: ContenderJson | null;
  waiters: ContenderJson[];
}

export interface RwLockState {
  name: string;
  path: string;
  readers: Array<ContenderJson & { mode: 'read' | 'write' }>;
  writer: (ContenderJson & { mode: 'read' | 'write' }) | null;
  waiters: Array<ContenderJson & { mode: 'read' | 'write' }>;
}

export interface SemaphoreState {
  name: string;
  path: string;
  maxLeases: number | null;
  holders: ContenderJson[];
  waiters: ContenderJson[];
}

export interface ElectionState {
  group: string;
  members: Array<{ id: string; data: string; sessionId: string; since: number }>;
  leader: CandidateJson | null;
  candidates: CandidateJson[];
}

export interface CandidateJson {
  id: string;
  node: string;
  token: number;
  sessionId: string;
  since: number;
}

export interface QueueJson {
  name: string;
  path: string;
  size: number;
  pendingAck: number;
  head: Array<{ id: string; preview: string; pendingAck: boolean }>;
}

export interface ConsumerGroupState {
  group: string;
  members: Array<{ id: string; topics: string[]; assignor: string; sessionId: string }>;
  owners: Record<string, Record<string, string>>;
}

export interface CoordinationJson {
  elections: ElectionState[];
  locks: LockState[];
  rwLocks: RwLockState[];
  semaphores: SemaphoreState[];
  queues: QueueJson[];
  consumerGroups: ConsumerGroupState[];
}

export interface SettingRow {
  name: string;
  value: string;
}

export interface OverviewJson {
  version: string;
  zookeeperVersion: string;
  nodeVersion: string;
  database: 'sqlite' | 'postgresql';
  startedAt: number;
  lastZxid: number;
  counts: {
    nodes: number;
    sessions: number;
    watches: number;
    subscriptions: number;
    ephemerals: number;
    pendingWrites: number;
  };
  settings: SettingRow[];
}

export interface StatsSample {
  at: number;
  znodes: number;
  sessions: number;
  watches: number;
  ephemerals: number;
  lastZxid: number;
  requestsPerSec: number;
  commitsPerSec: number;
  commitLatencyMs: number | null;
}

export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  remoteAddress: string;
  action: string;
  target: string;
  outcome: string;
  detail: Record<string, string | number | boolean | null>;
}

export type ChangeType =
  'NodeCreated' | 'NodeDeleted' | 'NodeDataChanged' | 'NodeChildrenChanged' | 'NodeACLChanged';

export interface ChangeJson {
  type: ChangeType;
  path: string;
  zxid: number;
  mtime: number;
  version: number;
  dataLength: number;
  ephemeral: boolean;
}

export interface ChangeBatch {
  subscriptionId: number;
  events: ChangeJson[];
  dropped: number;
}
