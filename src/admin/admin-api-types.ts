/**
 * The admin API's JSON, declared once: the server's controllers and gateway answer these, and
 * the dashboard (src/admin/web) reads them through `import type`. Plain types only, importing
 * only files that reach no Node, Nest or TypeORM type, so the web app's type-check can follow.
 */
import type { ChangeEvent } from '../core/watch-event';
import type { HistoryEntry } from '../recipes/config/config-entry';
import type { AclJson } from '../protocol/wire/acl-json';
import type {
  ConsumerGroupState,
  ElectionState,
  LockState,
  QueueStats,
  RwLockState,
  SemaphoreState,
  ServiceInstance,
} from '../recipes/common/recipe-states';
import type { StatJson } from '../protocol/wire/stat-json';
import type { MeshConfigProblem, XdsClientInfo } from '../xds/xds-client-info';

export type { AclJson, StatJson };
export type { ErrorJson } from '../protocol/wire/error-json';
export type { ConfigEntry, ConfigKey, HistoryEntry } from '../recipes/config/config-entry';
export type { ConfigFormat } from '../recipes/config/config-format';

// --- Login

export interface MeJson {
  user: string;
  /** The dashboard acts as ZooKeeper's super user (ZOONEST_ADMIN_AS_SUPER_USER): every ACL passes. */
  superUser: boolean;
}

export interface LoginJson extends MeJson {
  expiresAt: number;
}

// --- Tree

export interface ChildJson {
  name: string;
  path: string;
  numChildren: number;
  dataLength: number;
  ephemeral: boolean;
}

export interface ChildPage {
  path: string;
  /** Children matching the filter, of which `children` is one page. */
  total: number;
  offset: number;
  children: ChildJson[];
}

export interface NodeJson {
  path: string;
  /** base64: the data may be binary. */
  data: string;
  stat: StatJson;
  /** null when the node's ACL does not let the dashboard read it. */
  acl: AclJson[] | null;
}

/** Ephemeral nodes need a session of their own; the dashboard has none to give them. */
export type DashboardCreateMode =
  | 'persistent'
  | 'persistent-sequential'
  | 'container'
  | 'persistent-ttl'
  | 'persistent-sequential-ttl';

// --- Sessions

export interface SessionRow {
  sessionId: string;
  /** As ZooKeeper's tools print it. */
  hex: string;
  timeoutMs: number;
  /** Until expiry when nothing touches it; null while a connection holds it open. */
  expiresInMs: number | null;
  connections: number;
  transport: string;
  remoteAddress: string;
  ephemerals: string[];
  watches: string[];
}

// --- Services

export interface ServiceJson {
  service: string;
  providers: ServiceInstance[];
  consumers: ServiceInstance[];
}

// --- Service mesh (the xDS data plane)

export type {
  MeshConfigProblem,
  NodeIdentity,
  TypeStatus,
  XdsClientInfo,
} from '../xds/xds-client-info';

export interface MeshJson {
  /** Whether ZOONEST_XDS_PORT is set; when not, nothing below is served. */
  enabled: boolean;
  port: number;
  /** Resources served, by type (Listener, RouteConfiguration, Cluster, ClusterLoadAssignment). */
  resources: Record<string, number>;
  clients: XdsClientInfo[];
  problems: MeshConfigProblem[];
}

// --- Replicas (the servers of a cluster on one PostgreSQL; a standalone server alone)

export interface ReplicaJson {
  name: string;
  role: 'standalone' | 'leader' | 'follower';
  /** The one replica that expires sessions and reaps containers and TTL nodes. */
  runsExpiry: boolean;
  /** The replica answering this request. */
  self: boolean;
  httpUrl: string;
  /** host:port of its ZooKeeper protocol. */
  zkAddress: string;
  appliedZxid: number;
  /** Transactions committed in the cluster that it had not applied when it last reported. */
  lagTxns: number;
  /** Since it last reported itself, by the database's clock (0 for the replica answering). */
  reportedSecondsAgo: number;
}

export interface ReplicasJson {
  /** The newest zxid committed in the cluster. */
  headZxid: number;
  replicas: ReplicaJson[];
}

// --- Config

export interface NamespaceJson {
  name: string;
  groups: Array<{ name: string; keys: string[] }>;
}

/** A kept version as the history lists it: without its content. */
export type HistoryMeta = Omit<HistoryEntry, 'content'>;

// --- Coordination (the recipes' own state, as their REST APIs answer it too)

export type {
  CandidateJson,
  ConsumerGroupState,
  ContenderJson,
  ElectionState,
  LockMode,
  LockState,
  MemberJson,
  QueueStats,
  RwContenderJson,
  RwLockState,
  SemaphoreState,
  ServiceInstance,
} from '../recipes/common/recipe-states';

export interface QueueJson extends QueueStats {
  /** The oldest few items, as a person would read them. */
  head: Array<{ id: string; preview: string; pendingAck: boolean }>;
}

export interface CoordinationJson {
  elections: ElectionState[];
  locks: LockState[];
  rwLocks: RwLockState[];
  semaphores: SemaphoreState[];
  queues: QueueJson[];
  consumerGroups: ConsumerGroupState[];
}

// --- Overview

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
  /** Coordinator's counts. */
  counts: Record<
    'nodes' | 'sessions' | 'watches' | 'subscriptions' | 'ephemerals' | 'pendingWrites',
    number
  >;
  settings: SettingRow[];
}

/** What the server holds at one moment. */
export interface StatsFigures {
  at: number;
  znodes: number;
  sessions: number;
  watches: number;
  ephemerals: number;
  lastZxid: number;
}

/** One point of the overview charts. */
export interface StatsSample extends StatsFigures {
  requestsPerSec: number;
  commitsPerSec: number;
  /** Mean time to make a batch durable since the previous sample; null when none committed. */
  commitLatencyMs: number | null;
}

// --- Audit

export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEntryJson {
  id: number;
  at: number;
  actor: string;
  remoteAddress: string;
  action: string;
  target: string;
  outcome: string;
  detail: AuditDetail;
}

// --- Events (Socket.IO namespace /admin)

export type ChangeType = ChangeEvent['type'];

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
  events: ChangeJson[];
  /** Events left out because more came in one interval than a browser should be sent. */
  dropped: number;
}

/** What a `changes` event carries: a batch of the follow `subscriptionId`. */
export interface ChangesMessage extends ChangeBatch {
  subscriptionId: number;
}
