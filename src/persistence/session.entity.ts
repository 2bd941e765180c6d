import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SessionRecord } from '../core/session-record';
import { bytesColumn, forEachDialect, idColumn, int64Column } from './columns';

/** A row of `sessions`: a SessionRecord with its 64-bit id as a decimal string. */
export interface SessionRow {
  id: string;
  password: Buffer;
  timeoutMs: number;
  /** Database time (ms) until which a replica last vouched for the session; 0 before that. */
  expiresAt: number;
  /** The replica the session's client last connected through; empty until it moves. */
  owner: string;
}

/** `sessions`, the open sessions. One class per dialect: the type of `password` differs. */
export const SessionEntity = forEachDialect((dialect): new () => SessionRow => {
  @Entity('sessions')
  class SessionEntity implements SessionRow {
    @PrimaryColumn(idColumn()) id!: string;
    @Column(bytesColumn(dialect)) password!: Buffer;
    @Column({ name: 'timeout_ms', type: 'integer' }) timeoutMs!: number;
    @Column({ ...int64Column('expires_at'), default: 0 }) expiresAt!: number;
    @Column({ type: 'varchar', length: 255, default: '' }) owner!: string;
  }
  return SessionEntity;
});

export function toSessionRow(s: SessionRecord): SessionRow {
  return {
    id: s.id.toString(),
    password: s.password,
    timeoutMs: s.timeoutMs,
    expiresAt: 0,
    owner: '',
  };
}

export function fromSessionRow(row: SessionRow): SessionRecord {
  return { id: BigInt(row.id), password: row.password, timeoutMs: row.timeoutMs };
}
