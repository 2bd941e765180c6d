import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { CommitBatch, LogSlice, Snapshot, TxnStore } from '../core/ports';
import {
  deleteBelowStatement,
  deleteInStatements,
  insertStatements,
  rowsOf,
  selectStatement,
  updateStatement,
  type Statement,
} from './bulk-sql';
import { dialectOf, type Dialect } from './columns';
import { entitiesFor, type Entities } from './entities';
import { SerialQueue } from './serial-queue';
import { SqliteStatements } from './sqlite-statements';
import { fromSessionRow, toSessionRow } from './session.entity';
import { fromTxnLogRow, toTxnLogRow } from './txn-log.entity';
import { fromZnodeRow, toZnodeRow } from './znode.entity';
import { STATE_ROW_ID, type ZoonestStateEntity } from './zoonest-state.entity';

export interface TypeOrmTxnStoreOptions {
  /** How many of the newest transactions txn_log keeps for replay; older ones are pruned. */
  historyTxns: number;
}

/**
 * The TxnStore on a migrated TypeORM DataSource (SQLite or PostgreSQL). A commit is one database
 * transaction; it is a compare-and-set on zoonest_state.last_zxid, so the log only ever grows by
 * the next zxids, whoever writes it.
 */
export class TypeOrmTxnStore implements TxnStore {
  private readonly dialect: Dialect;
  private readonly entities: Entities;
  // better-sqlite3 has one connection: overlapping transactions would nest into each other.
  private readonly queue = new SerialQueue();
  /** On SQLite, commits run synchronously on the driver's connection. */
  private readonly sqlite?: SqliteStatements;
  /** The one zoonest_state row, read by every commit. */
  private readonly stateQuery: Statement;

  constructor(
    private readonly ds: DataSource,
    private readonly opts: TypeOrmTxnStoreOptions,
  ) {
    if (!Number.isSafeInteger(opts.historyTxns) || opts.historyTxns < 0) {
      throw new Error(`historyTxns must be a non-negative integer, got ${opts.historyTxns}`);
    }
    this.dialect = dialectOf(ds);
    this.entities = entitiesFor(this.dialect);
    if (this.dialect === 'sqlite') this.sqlite = new SqliteStatements(ds);
    this.stateQuery = selectStatement(
      ds,
      this.entities.state,
      (p) => `WHERE id = ${p(STATE_ROW_ID)}`,
    );
  }

  load(): Promise<Snapshot> {
    return this.read(async (m) => {
      const state = await this.state(m, false);
      const nodes = await this.select(m, this.entities.znode);
      const sessions = await this.select(m, this.entities.session);
      return {
        lastZxid: state.lastZxid,
        nodes: nodes.map(fromZnodeRow),
        sessions: sessions.map(fromSessionRow),
      };
    });
  }

  commit(batch: CommitBatch): Promise<void> {
    return this.queue.run(() =>
      this.sqlite ? this.commitOnSqlite(this.sqlite, batch) : this.commitOnPostgres(batch),
    );
  }

  private async commitOnSqlite(sqlite: SqliteStatements, batch: CommitBatch): Promise<void> {
    while (sqlite.busy) await new Promise((resolve) => setImmediate(resolve));
    sqlite.transaction((exec) => {
      const [state] = rowsOf(this.ds, this.entities.state, exec.all(this.stateQuery));
      for (const statement of this.commitStatements(batch, requireState(state))) {
        exec.run(statement);
      }
    });
  }

  private commitOnPostgres(batch: CommitBatch): Promise<void> {
    return this.ds.transaction(async (m) => {
      const state = await this.state(m, true);
      for (const { sql, params } of this.commitStatements(batch, state)) {
        await m.query(sql, params);
      }
    });
  }

  /** Everything one commit writes, once it is known to continue the log. */
  private commitStatements(batch: CommitBatch, state: ZoonestStateEntity): Statement[] {
    checkContinues(state.lastZxid, batch);
    const ds = this.ds;
    const { txnLog, znode, session } = this.entities;
    // The log is contiguous, so keeping the newest N entries means keeping zxid > lastZxid - N.
    const logStartZxid = Math.max(state.logStartZxid, batch.lastZxid - this.opts.historyTxns + 1);
    return [
      ...insertStatements(ds, txnLog, batch.txns.map(toTxnLogRow), {
        bytesOf: (r) => r.payload.length,
      }),
      ...insertStatements(ds, znode, batch.upsertNodes.map(toZnodeRow), {
        bytesOf: (r) => r.data.length + r.acl.length,
        upsert: true,
      }),
      ...deleteInStatements(ds, znode, 'path', batch.deletePaths),
      ...insertStatements(ds, session, batch.openSessions.map(toSessionRow)),
      ...deleteInStatements(ds, session, 'id', batch.closeSessions.map(String)),
      ...(logStartZxid > state.logStartZxid
        ? [deleteBelowStatement(ds, txnLog, 'zxid', logStartZxid)]
        : []),
      updateStatement(ds, this.entities.state, 'id', STATE_ROW_ID, {
        lastZxid: batch.lastZxid,
        logStartZxid,
      }),
    ];
  }

  readLog(afterZxid: number, limit: number): Promise<LogSlice> {
    return this.read(async (m) => {
      const state = await this.state(m, false);
      const rows = await this.select(
        m,
        this.entities.txnLog,
        (p) =>
          `WHERE zxid > ${p(afterZxid)} ORDER BY zxid LIMIT ${p(Math.max(0, Math.floor(limit)))}`,
      );
      // log_start_zxid is lastZxid + 1 whenever the log is empty (see prune).
      return { oldestZxid: state.logStartZxid, txns: rows.map(fromTxnLogRow) };
    });
  }

  /** Waits for work in flight, then closes the DataSource. */
  close(): Promise<void> {
    return this.queue.run(async () => {
      if (this.ds.isInitialized) await this.ds.destroy();
    });
  }

  /** Reads in one snapshot; PostgreSQL's default isolation would let a commit land in between. */
  private read<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.queue.run(() =>
      this.dialect === 'postgres'
        ? this.ds.transaction('REPEATABLE READ', fn)
        : this.ds.transaction(fn),
    );
  }

  private async select<T extends ObjectLiteral>(
    m: EntityManager,
    entity: EntityTarget<T>,
    tail?: (param: (value: unknown) => string) => string,
  ): Promise<T[]> {
    const { sql, params } = selectStatement(this.ds, entity, tail);
    return rowsOf(this.ds, entity, await m.query<Array<Record<string, unknown>>>(sql, params));
  }

  private async state(m: EntityManager, forUpdate: boolean): Promise<ZoonestStateEntity> {
    const { sql, params } = this.stateQuery;
    // The row lock orders commits from every replica; SQLite has a single writer anyway.
    const lock = forUpdate && this.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const raw = await m.query<Array<Record<string, unknown>>>(sql + lock, params);
    return requireState(rowsOf(this.ds, this.entities.state, raw)[0]);
  }
}

function requireState(state: ZoonestStateEntity | undefined): ZoonestStateEntity {
  if (!state) throw new Error('zoonest_state has no row: the database was not migrated');
  return state;
}

/** The batch must carry exactly the next zxids: anything else means another writer got there first. */
function checkContinues(lastZxid: number, batch: CommitBatch): void {
  let next = lastZxid + 1;
  for (const txn of batch.txns) {
    if (txn.zxid !== next) {
      throw new Error(`commit out of order: zxid ${txn.zxid} where ${next} was next`);
    }
    next += 1;
  }
  if (batch.lastZxid !== next - 1) {
    throw new Error(
      `commit says lastZxid ${batch.lastZxid} but its transactions end at ${next - 1}`,
    );
  }
}
