import { Client } from 'pg';
import { commitChannel } from './commit-channel';

export interface ClusterLinkOptions {
  url: string;
  schema?: string;
  /** A commit was announced, or the link (re)connected: read the log. */
  onCommit: () => void;
  /** Whether this replica now holds the expirer lock. */
  onRole: (leader: boolean) => void;
  onError: (err: Error) => void;
  /** How often to retry the expirer lock and to reconnect after a failure. */
  retryMs: number;
}

/**
 * A dedicated PostgreSQL session per replica: it LISTENs for commits (a hint only; the log is
 * the truth) and holds the session-level advisory lock that makes one replica the expirer. When
 * the connection drops, the lock goes with it, so another replica takes over.
 */
export class ClusterLink {
  private client?: Client;
  private leader = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private readonly lockKey: string;

  constructor(private readonly opts: ClusterLinkOptions) {
    this.lockKey = `zoonest:expirer:${opts.schema ?? 'public'}`;
  }

  get isLeader(): boolean {
    return this.leader;
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    this.setLeader(false);
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.opts.url,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    client.on('notification', () => this.opts.onCommit());
    try {
      await client.connect();
      await client.query(`LISTEN "${commitChannel(this.opts.schema)}"`);
      this.client = client;
      this.opts.onCommit();
      await this.tryLead();
    } catch (err) {
      this.lost(client, err as Error);
    }
  }

  private async tryLead(): Promise<void> {
    const client = this.client;
    if (!client || this.stopped) return;
    if (!this.leader) {
      try {
        const { rows } = await client.query<{ ok: boolean }>(
          'SELECT pg_try_advisory_lock(hashtext($1)) AS ok',
          [this.lockKey],
        );
        if (client === this.client) this.setLeader(rows[0]?.ok === true);
      } catch (err) {
        this.lost(client, err as Error);
        return;
      }
    }
    this.schedule(() => void this.tryLead());
  }

  private lost(client: Client, err?: Error): void {
    if (err) this.opts.onError(err);
    if (this.client !== undefined && this.client !== client) return;
    this.client = undefined;
    this.setLeader(false);
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    this.schedule(() => void this.connect());
  }

  private schedule(fn: () => void): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(fn, this.opts.retryMs);
    this.timer.unref();
  }

  private setLeader(leader: boolean): void {
    if (leader === this.leader) return;
    this.leader = leader;
    this.opts.onRole(leader);
  }
}
