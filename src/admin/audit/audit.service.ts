import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LessThan, type DataSource, type FindOptionsWhere, type Repository } from 'typeorm';
import { isZkError } from '../../core/zk-error';
import { AuditEntryEntity } from '../../persistence/audit-entry.entity';
import type { AuditDetail, AuditEntryJson } from '../admin-api-types';
import type { Actor } from '../auth/actor';

export type AuditAction =
  | 'login'
  | 'logout'
  | 'create'
  | 'setData'
  | 'delete'
  | 'closeSession'
  | 'publishConfig'
  | 'rollbackConfig';

export interface AuditQuery {
  limit?: number;
  /** Entries older than this id (the last id of the previous page). */
  beforeId?: number;
  action?: string;
  actor?: string;
}

const MAX_PAGE = 500;

/** The audit log of the dashboard: every change, and every login, with who made it. */
@Injectable()
export class AuditService {
  private readonly repo: Repository<AuditEntryEntity>;
  private readonly listeners = new Set<(entry: AuditEntryJson) => void>();

  constructor(@InjectDataSource() ds: DataSource) {
    this.repo = ds.getRepository(AuditEntryEntity);
  }

  async record(
    actor: Actor,
    action: AuditAction,
    target: string,
    outcome: string,
    detail: AuditDetail = {},
  ): Promise<AuditEntryJson> {
    const row = {
      at: Date.now(),
      actor: actor.user.slice(0, 64),
      remoteAddress: actor.remoteAddress.slice(0, 64),
      action,
      target,
      outcome,
    };
    // A single INSERT, no transaction: on SQLite every query shares the store's one connection.
    const { identifiers } = await this.repo.insert({ ...row, detail: JSON.stringify(detail) });
    const entry: AuditEntryJson = { id: Number(identifiers[0]?.id), ...row, detail };
    for (const listener of this.listeners) listener(entry);
    return entry;
  }

  /**
   * Runs a change and records it, whether it succeeds or is refused (then it rethrows);
   * `outcomeDetail` adds what only the result tells, e.g. the version written.
   */
  async track<T>(
    actor: Actor,
    action: AuditAction,
    target: string,
    detail: AuditDetail,
    work: () => Promise<T>,
    outcomeDetail: (result: T) => AuditDetail = () => ({}),
  ): Promise<T> {
    let result: T;
    try {
      result = await work();
    } catch (err) {
      await this.record(
        actor,
        action,
        target,
        isZkError(err) ? err.codeName : 'SystemError',
        detail,
      );
      throw err;
    }
    await this.record(actor, action, target, 'Ok', { ...detail, ...outcomeDetail(result) });
    return result;
  }

  /** Newest first. */
  async list(query: AuditQuery = {}): Promise<AuditEntryJson[]> {
    const where: FindOptionsWhere<AuditEntryEntity> = {};
    if (query.beforeId !== undefined) where.id = LessThan(query.beforeId);
    if (query.action) where.action = query.action;
    if (query.actor) where.actor = query.actor;
    const rows = await this.repo.find({
      where,
      order: { id: 'DESC' },
      take: Math.min(Math.max(query.limit ?? 100, 1), MAX_PAGE),
    });
    return rows.map(toJson);
  }

  onRecorded(listener: (entry: AuditEntryJson) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function toJson(row: AuditEntryEntity): AuditEntryJson {
  let detail: AuditDetail = {};
  try {
    detail = JSON.parse(row.detail) as AuditDetail;
  } catch {
    // a row written by hand; show it without detail
  }
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    remoteAddress: row.remoteAddress,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    detail,
  };
}
