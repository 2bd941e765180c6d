import { query, request } from './http';
import type {
  AuditEntryJson,
  ChildPage,
  ConfigEntry,
  ConfigFormat,
  ConfigKey,
  CoordinationJson,
  DashboardCreateMode,
  HistoryMeta,
  LoginJson,
  MeJson,
  MeshJson,
  NamespaceJson,
  NodeJson,
  OverviewJson,
  ReplicasJson,
  ServiceJson,
  SessionRow,
  StatJson,
  StatsSample,
} from './types';

const BASE = '/api/v1/admin';

const keyPath = (k: ConfigKey) =>
  `${BASE}/config/${[k.namespace, k.group, k.key].map(encodeURIComponent).join('/')}`;

/** Every call the dashboard makes to the server. */
export const adminApi = {
  login: (user: string, password: string) =>
    request<LoginJson>('POST', `${BASE}/login`, { user, password }),
  logout: () => request<void>('POST', `${BASE}/logout`),
  me: () => request<MeJson>('GET', `${BASE}/me`),

  overview: () => request<OverviewJson>('GET', `${BASE}/overview`),
  stats: (since?: number) => request<StatsSample[]>('GET', `${BASE}/stats?${query({ since })}`),

  children: (path: string, offset: number, limit: number) =>
    request<ChildPage>('GET', `${BASE}/znodes/children?${query({ path, offset, limit })}`),
  node: (path: string) => request<NodeJson>('GET', `${BASE}/znodes/node?${query({ path })}`),
  search: (q: string) =>
    request<{ paths: string[]; truncated: boolean }>(
      'GET',
      `${BASE}/znodes/search?${query({ q, limit: 50 })}`,
    ),
  createNode: (body: {
    path: string;
    data: string;
    encoding: 'utf8' | 'base64';
    mode: DashboardCreateMode;
    ttlMs?: number;
  }) => request<{ path: string; stat: StatJson }>('POST', `${BASE}/znodes`, body),
  setData: (body: { path: string; data: string; encoding: 'utf8' | 'base64'; version: number }) =>
    request<StatJson>('PUT', `${BASE}/znodes`, body),
  deleteNode: (path: string, opts: { version?: number; recursive?: boolean }) =>
    request<void>('DELETE', `${BASE}/znodes?${query({ path, ...opts })}`),

  sessions: () => request<SessionRow[]>('GET', `${BASE}/sessions`),
  closeSession: (id: string) => request<void>('DELETE', `${BASE}/sessions/${id}`),

  services: () => request<ServiceJson[]>('GET', `${BASE}/services`),
  mesh: () => request<MeshJson>('GET', `${BASE}/mesh`),
  replicas: () => request<ReplicasJson>('GET', `${BASE}/replicas`),

  configTree: () => request<NamespaceJson[]>('GET', `${BASE}/config`),
  config: (k: ConfigKey) => request<ConfigEntry>('GET', keyPath(k)),
  configHistory: (k: ConfigKey) => request<HistoryMeta[]>('GET', `${keyPath(k)}/history`),
  configDiff: (k: ConfigKey, from: number, to?: number) =>
    request<{ from: number; to: number; diff: string }>(
      'GET',
      `${keyPath(k)}/diff?${query({ from, to })}`,
    ),
  validateConfig: (format: ConfigFormat, content: string) =>
    request<{ problem: string | null }>('POST', `${BASE}/config/validate`, { format, content }),
  publishConfig: (k: ConfigKey, content: string, format: ConfigFormat, expectedVersion: number) =>
    request<ConfigEntry>('PUT', keyPath(k), { content, format, expectedVersion }),
  rollbackConfig: (k: ConfigKey, toVersion: number, expectedVersion: number) =>
    request<ConfigEntry>('POST', `${keyPath(k)}/rollback`, { toVersion, expectedVersion }),

  coordination: () => request<CoordinationJson>('GET', `${BASE}/coordination`),

  audit: (before?: number) =>
    request<AuditEntryJson[]>('GET', `${BASE}/audit?${query({ before, limit: 200 })}`),
};
