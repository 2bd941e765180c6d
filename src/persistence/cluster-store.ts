import type { DataSource } from 'typeorm';
import { qualifiedTable } from './columns';
import { connectionLoss, isConnectionError } from './connection-errors';

/** A replica as it reports itself to the others. */
export interface ReplicaReport {
  name: string;
  httpUrl: string;
  zkAddress: string;
  role: 'leader' | 'follower';
  appliedZxid: number;
}

/** A reported replica, with how long ago (by the database's clock) it last reported. */
export interface ReplicaRow extends ReplicaReport {
  ageMs: number;
}

// Every replica reads the same clock for deadlines: the database's, never its own.
const DB_NOW_MS = `(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/**
 * What replicas of one PostgreSQL cluster share beyond the log: session liveness (so the one
 * replica that expires sessions sees every replica's clients) and the list of replicas.
 */
export class ClusterStore {
  private readonly sessions: string;
  private readonly replicas: string;

  constructor(private readonly ds: DataSource) {
    this.sessions = qualifiedTable(ds, 'sessions');
    this.replicas = qualifiedTable(ds, 'zoonest_replicas');
  }

  /** Records how long each of these sessions lives on from now; one statement for all. */
  async renewSessions(live: ReadonlyArray<[id: bigint, remainingMs: number]>): Promise<void> {
    if (live.length === 0) return;
    await this.query(
      `UPDATE ${this.sessions} AS s SET expires_at = ${DB_NOW_MS} + v.remaining_ms
       FROM unnest($1::varchar[], $2::bigint[]) AS v(id, remaining_ms) WHERE s.id = v.id`,
      [live.map(([id]) => id.toString()), live.map(([, ms]) => ms)],
    );
  }

  /** Of these sessions, those whose client has since connected through another replica. */
  async movedSessions(ids: readonly bigint[], replica: string): Promise<bigint[]> {
    if (ids.length === 0) return [];
    const rows = await this.query<{ id: string }>(
      `SELECT id FROM ${this.sessions}
       WHERE id = ANY($1::varchar[]) AND owner <> '' AND owner <> $2`,
      [ids.map(String), replica],
    );
    return rows.map((r) => BigInt(r.id));
  }

  /** The session's client now connects through `replica`. */
  async claimSession(id: bigint, replica: string): Promise<void> {
    await this.query(`UPDATE ${this.sessions} SET owner = $2 WHERE id = $1`, [
      id.toString(),
      replica,
    ]);
  }

  /** For each of these sessions some replica vouched for, how long it still has to live. */
  async remainingLives(ids: readonly bigint[]): Promise<Array<[id: bigint, remainingMs: number]>> {
    if (ids.length === 0) return [];
    const rows = await this.query<{ id: string; remaining: string }>(
      `SELECT id, expires_at - ${DB_NOW_MS} AS remaining FROM ${this.sessions}
       WHERE id = ANY($1::varchar[]) AND expires_at > ${DB_NOW_MS}`,
      [ids.map(String)],
    );
    return rows.map((r) => [BigInt(r.id), Number(r.remaining)]);
  }

  async report(r: ReplicaReport): Promise<void> {
    await this.query(
      `INSERT INTO ${this.replicas} (name, http_url, zk_address, role, applied_zxid, seen_at)
       VALUES ($1, $2, $3, $4, $5, ${DB_NOW_MS})
       ON CONFLICT (name) DO UPDATE SET http_url = $2, zk_address = $3, role = $4,
         applied_zxid = $5, seen_at = ${DB_NOW_MS}`,
      [r.name, r.httpUrl, r.zkAddress, r.role, r.appliedZxid],
    );
  }

  /** Replicas that reported within `withinMs`, by name; older entries are dropped. */
  async replicasSeen(withinMs: number): Promise<ReplicaRow[]> {
    await this.query(`DELETE FROM ${this.replicas} WHERE seen_at < ${DB_NOW_MS} - $1`, [
      withinMs * 10,
    ]);
    const rows = await this.query<{
      name: string;
      http_url: string;
      zk_address: string;
      role: string;
      applied_zxid: string;
      age: string;
    }>(
      `SELECT name, http_url, zk_address, role, applied_zxid, ${DB_NOW_MS} - seen_at AS age
       FROM ${this.replicas} WHERE seen_at >= ${DB_NOW_MS} - $1 ORDER BY name`,
      [withinMs],
    );
    return rows.map((r) => ({
      name: r.name,
      httpUrl: r.http_url,
      zkAddress: r.zk_address,
      role: r.role === 'leader' ? 'leader' : 'follower',
      appliedZxid: Number(r.applied_zxid),
      ageMs: Number(r.age),
    }));
  }

  /** The zxid of the newest commit, read from the state row. */
  async headZxid(): Promise<number> {
    const [row] = await this.query<{ last_zxid: string }>(
      `SELECT last_zxid FROM ${qualifiedTable(this.ds, 'zoonest_state')} WHERE id = 1`,
    );
    return Number(row?.last_zxid ?? 0);
  }

  private async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    try {
      return await this.ds.query<T[]>(sql, params);
    } catch (err) {
      throw isConnectionError(err) ? connectionLoss(String(err)) : err;
    }
  }
}
