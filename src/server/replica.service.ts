import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Coordinator } from '../core/coordinator';
import { ClusterLink } from '../persistence/cluster-link';
import { MetricsService } from '../ops/metrics.service';
import { ClusterStore, type ReplicaRow } from '../persistence/cluster-store';
import { reachableHost } from './local-ensemble';
import type { ReplicaEnsemble } from './replica-ensemble';
import type { Settings } from './settings';
import { ENSEMBLE, SETTINGS } from './tokens';

export type ReplicaRole = 'standalone' | 'leader' | 'follower';

export interface ReplicaStatus {
  name: string;
  role: ReplicaRole;
  appliedZxid: number;
  /** Transactions committed in the cluster that this replica has not applied yet. */
  lagTxns: number;
  /** Whether the replica's own link to the database (LISTEN, expirer lock) is up. */
  linked: boolean;
}

/**
 * This server as a replica of a cluster on one PostgreSQL database: it follows the log (woken
 * by NOTIFY, and on a timer as a backstop), records the liveness of the sessions it holds, and,
 * while it holds the expirer lock, is the one replica that expires sessions and reaps nodes.
 * On SQLite it is a standalone server and all of this is idle.
 */
@Injectable()
export class ReplicaService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(ReplicaService.name);
  private readonly cluster?: ClusterStore;
  private link?: ClusterLink;
  private timers: NodeJS.Timeout[] = [];
  private headZxid = 0;
  /** Liveness that could not be recorded yet; sent with the next renewal. */
  private unsent: Array<[bigint, number]> = [];
  private httpUrl = '';
  private httpPort: number;
  private readonly movedListeners = new Set<(sessionId: bigint) => void>();
  private readonly connected = new Set<() => Iterable<bigint>>();
  private stopResumed: () => void = () => undefined;
  /** The ZooKeeper protocol's bound port, set once it listens. */
  zkPort = 0;

  constructor(
    private readonly zk: Coordinator,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(getDataSourceToken()) ds: DataSource,
    @Inject(ENSEMBLE) private readonly ensemble: ReplicaEnsemble,
    metrics: MetricsService,
  ) {
    this.httpPort = settings.httpPort;
    if (settings.dbUrl) this.cluster = new ClusterStore(ds);
    metrics.bindReplica(() => this.status());
  }

  get clustered(): boolean {
    return this.cluster !== undefined;
  }

  get name(): string {
    return this.settings.replicaName ?? `${hostname()}:${this.httpPort}`;
  }

  get role(): ReplicaRole {
    if (!this.cluster) return 'standalone';
    return this.link?.isLeader ? 'leader' : 'follower';
  }

  /** Whether this replica expires sessions and reaps nodes now (always, when standalone). */
  get runsExpiry(): boolean {
    return this.role !== 'follower';
  }

  /** Called once HTTP listens, so the default name and the replica list carry the real port. */
  listening(httpUrl: string, httpPort: number): void {
    this.httpUrl = httpUrl;
    this.httpPort = httpPort;
  }

  onApplicationBootstrap(): void {
    const cluster = this.cluster;
    if (!cluster || !this.settings.dbUrl) return;
    this.link = new ClusterLink({
      url: this.settings.dbUrl,
      schema: this.settings.dbSchema,
      retryMs: this.settings.sessionRenewMs,
      onCommit: () => this.follow(),
      onRole: (leader) =>
        this.log.log(`replica ${this.name} ${leader ? 'now runs' : 'no longer runs'} expiry`),
      onError: (err) => this.log.warn(`database link: ${err.message}`),
    });
    this.link.start();
    this.stopResumed = this.zk.onSessionResumed((id) => {
      cluster
        .claimSession(id, this.name)
        .catch((err: unknown) => this.log.warn(`recording a resumed session: ${String(err)}`));
    });
    this.timers = [
      setInterval(() => this.follow(), this.settings.followPollMs),
      setInterval(() => void this.renew(cluster), this.settings.sessionRenewMs),
    ];
    for (const t of this.timers) t.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.stopResumed();
    await this.link?.stop();
  }

  /**
   * `connected` names the sessions a transport holds connections for; `listener` is told of each
   * whose client connected through another replica since: this replica's connection for it is an
   * old one, answered as ZooKeeper answers it (SessionMoved).
   */
  onSessionMoved(
    connected: () => Iterable<bigint>,
    listener: (sessionId: bigint) => void,
  ): () => void {
    this.connected.add(connected);
    this.movedListeners.add(listener);
    return () => {
      this.connected.delete(connected);
      this.movedListeners.delete(listener);
    };
  }

  /** Before expiring: sessions another replica vouched for live on, by that replica's word. */
  async prepareExpiry(): Promise<void> {
    if (!this.cluster) return;
    const candidates = this.zk.expiryCandidates();
    if (candidates.length === 0) return;
    this.zk.extendSessions(await this.cluster.remainingLives(candidates));
  }

  status(): ReplicaStatus {
    const appliedZxid = this.zk.lastZxid;
    return {
      name: this.name,
      role: this.role,
      appliedZxid,
      lagTxns: Math.max(0, this.headZxid - appliedZxid),
      linked: !this.cluster || (this.link?.connected ?? false),
    };
  }

  /** Why this replica should not take clients now, or undefined when it may. */
  async notReadyBecause(): Promise<string | undefined> {
    if (!this.cluster) return undefined;
    if (!this.link?.connected) return 'no connection to the database for commit notifications';
    this.headZxid = Math.max(this.headZxid, await this.cluster.headZxid());
    const lag = this.headZxid - this.zk.lastZxid;
    if (lag > this.settings.readyMaxLagTxns) {
      return `catching up: ${lag} transactions behind the log (ZOONEST_READY_MAX_LAG_TXNS)`;
    }
    return undefined;
  }

  /** The newest zxid committed in the cluster, as far as this replica knows right now. */
  async clusterHeadZxid(): Promise<number> {
    if (this.cluster) this.headZxid = Math.max(this.headZxid, await this.cluster.headZxid());
    return Math.max(this.headZxid, this.zk.lastZxid);
  }

  /** Every replica that reported recently, this one included. */
  async replicas(): Promise<ReplicaRow[]> {
    const self: ReplicaRow = { ...this.report(), ageMs: 0 };
    if (!this.cluster) return [self];
    const seen = await this.cluster.replicasSeen(3 * this.settings.sessionRenewMs + 2000);
    return [self, ...seen.filter((r) => r.name !== self.name)].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  }

  private follow(): void {
    this.zk.catchUp().catch((err: unknown) => this.log.warn(`following the log: ${String(err)}`));
  }

  private async renew(cluster: ClusterStore): Promise<void> {
    const live = [...this.unsent, ...this.zk.takeLiveSessions()];
    try {
      await cluster.renewSessions(live);
      this.unsent = [];
      const held = [...this.connected].flatMap((ids) => [...ids()]);
      for (const id of await cluster.movedSessions(held, this.name)) {
        for (const listener of this.movedListeners) listener(id);
      }
      await cluster.report(this.report());
      this.headZxid = Math.max(this.headZxid, await cluster.headZxid());
      this.ensemble.follow(await this.replicas());
    } catch (err) {
      this.unsent = live;
      this.log.warn(`recording session liveness: ${String(err)}`);
    }
  }

  private report(): Omit<ReplicaRow, 'ageMs'> {
    const role = this.role === 'leader' ? 'leader' : 'follower';
    return {
      name: this.name,
      httpUrl: this.httpUrl,
      zkAddress: `${reachableHost(this.settings.host)}:${this.zkPort}`,
      role,
      appliedZxid: this.zk.lastZxid,
    };
  }
}
