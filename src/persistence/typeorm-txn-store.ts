import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';
import type { CommitBatch, LogSlice, PrepareBatch, Snapshot, TxnStore } from '../core/ports';
import type { Txn } from '../core/txn';
import type { NodeRecord } from '../core/znode';
import { ZkError } from '../core/zk-error';
import {
  deleteBelowStatement,
  deleteInStatements,
  insertStatements,
  rowsOf,
  selectStatement,
  selectValuesStatement,
  updateStatement,
  type Statement,
} from './bulk-sql';
import { dialectOf, type Dialect } from './columns';
import { commitChannel } from './commit-channel';
import { connectionLoss, isConnectionError } from './connection-errors';
import { entitiesFor, type Entities } from './entities';
import { SerialQueue } from './serial-queue';
import { SqliteStatements } from './sqlite-statements';
import { fromSessionRow, toSessionRow } from './session.entity';
import { fromTxnLogRow, toTxnLogRow } from './txn-log.entity';
import { toZnodeRow, znodeRowReader } from './znode.entity';
import { STATE_ROW_ID, type ZoonestStateEntity } from './zoonest-state.entity';

export interface TypeOrmTxnStoreOptions {
  /** How many of the newest transactions txn_log keeps for replay; older ones are pruned. */
  historyTxns: number;
  /** PostgreSQL schema of the tables, naming the channel commits are announced on. */
  pgSchema?: string;
  /** Told how long each commit waited for the cluster's write lock, in milliseconds. */
  lockWaited?: (millis: number) => void;
}

/** Rows per FETCH when PostgreSQL streams the tree at start-up. */
const LOAD_PAGE_ROWS = 5000;

/** How long a commit whose COMMIT failed is looked for in the log before giving up. */
const RESOLVE_UNKNOWN_MS = 5000;

/**
 * The TxnStore on a migrated TypeORM DataSource (SQLite or PostgreSQL). A commit is one database
 * transaction that first locks the zoonest_state row (the cluster's one write lock), reads what
 * other replicas appended since the caller's applied zxid, and appends the caller's batch with
 * the next zxids; zxids, commit order and log order are one order, whoever writes.
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

  /**
   * Streams the nodes instead of materializing the table: better-sqlite3 iterates rows as arrays
   * of values, PostgreSQL reads through a cursor a page at a time.
   */
  load(visit: (node: NodeRecord) => void): Promise<Snapshot> {
    const toRecord = znodeRowReader();
    if (this.sqlite) {
      const sqlite = this.sqlite;
      return this.queue.run(async () => {
        while (sqlite.busy) await new Promise((resolve) => setImmediate(resolve));
        return sqlite.snapshot((exec) => {
          const state = requireState(
            rowsOf(this.ds, this.entities.state, exec.all(this.stateQuery))[0],
          );
          const nodes = selectValuesStatement(this.ds, this.entities.znode);
          sqlite.each(nodes, (values) => visit(toRecord(nodes.decode(values))));
          const sessions = rowsOf(
            this.ds,
            this.entities.session,
            exec.all(selectStatement(this.ds, this.entities.session)),
          );
          return { lastZxid: state.lastZxid, sessions: sessions.map(fromSessionRow) };
        });
      });
    }
    return this.read(async (m) => {
      const state = await this.state(m);
      const { sql, params } = selectStatement(this.ds, this.entities.znode);
      await m.query(`DECLARE zoonest_load NO SCROLL CURSOR FOR ${sql}`, params);
      for (;;) {
        const page = await m.query<Array<Record<string, unknown>>>(
          `FETCH ${LOAD_PAGE_ROWS} FROM zoonest_load`,
        );
        for (const row of rowsOf(this.ds, this.entities.znode, page)) visit(toRecord(row));
        if (page.length < LOAD_PAGE_ROWS) break;
      }
      await m.query('CLOSE zoonest_load');
      const sessions = await this.select(m, this.entities.session);
      return { lastZxid: state.lastZxid, sessions: sessions.map(fromSessionRow) };
    });
  }

  commit(appliedZxid: number, prepare: PrepareBatch): Promise<void> {
    if (this.sqlite) {
      const sqlite = this.sqlite;
      return this.queue.run(() => this.commitOnSqlite(sqlite, appliedZxid, prepare));
    }
    return this.commitOnPostgres(appliedZxid, prepare);
  }

  private async commitOnSqlite(
    sqlite: SqliteStatements,
    appliedZxid: number,
    prepare: PrepareBatch,
  ): Promise<void> {
    while (sqlite.busy) await new Promise((resolve) => setImmediate(resolve));
    sqlite.transaction((exec) => {
      const [row] = rowsOf(this.ds, this.entities.state, exec.all(this.stateQuery));
      const state = requireState(row);
      checkApplied(state, appliedZxid);
      const newer =
        state.lastZxid > appliedZxid
          ? rowsOf(this.ds, this.entities.txnLog, exec.all(this.logQuery(appliedZxid))).map(
              fromTxnLogRow,
            )
          : [];
      const batch = prepare(checkNewer(newer, state, appliedZxid));
      if (!batch) return;
      for (const statement of this.commitStatements(batch, state)) exec.run(statement);
    });
  }

  private async commitOnPostgres(appliedZxid: number, prepare: PrepareBatch): Promise<void> {
    const runner = this.ds.createQueryRunner();
    let batch: CommitBatch | null = null;
    try {
      await runner.connect();
      await runner.startTransaction();
      const waitStarted = performance.now();
      const state = await this.lockedState(runner);
      this.opts.lockWaited?.(performance.now() - waitStarted);
      checkApplied(state, appliedZxid);
      const newer =
        state.lastZxid > appliedZxid ? await this.selectLog(runner.manager, appliedZxid) : [];
      batch = prepare(checkNewer(newer, state, appliedZxid));
      if (batch) {
        for (const { sql, params } of this.commitStatements(batch, state)) {
          await runner.query(sql, params);
        }
        await runner.query('SELECT pg_notify($1, $2)', [
          commitChannel(this.opts.pgSchema),
          String(batch.lastZxid),
        ]);
      }
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release().catch(() => undefined);
      throw storeError(err);
    }
    try {
      await runner.commitTransaction();
    } catch (err) {
      // The COMMIT may or may not have happened: the log says which, never a guess.
      if (batch) await this.resolveUnknownCommit(batch, err);
    } finally {
      await runner.release().catch(() => undefined);
    }
  }

  /** Resolves when the batch is in the log; rejects when it is known not to be, or cannot tell. */
  private async resolveUnknownCommit(batch: CommitBatch, cause: unknown): Promise<void> {
    const [first] = batch.txns as [Txn];
    const expected = toTxnLogRow(first).payload;
    const giveUp = performance.now() + RESOLVE_UNKNOWN_MS;
    for (;;) {
      try {
        const found = await this.ds.transaction(async (m) => {
          // Waits for the interrupted transaction to finish, whichever way it went.
          await m.query(`${this.stateQuery.sql} FOR UPDATE`, this.stateQuery.params);
          const [row] = await this.selectLog(m, first.zxid - 1, 1);
          return row?.zxid === first.zxid && toTxnLogRow(row).payload === expected;
        });
        if (found) return;
        throw storeError(cause);
      } catch (err) {
        if (err instanceof ZkError) throw err;
        if (performance.now() > giveUp) {
          throw connectionLoss(`the outcome of a commit is unknown (${String(cause)})`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
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
      const state = await this.state(m);
      const txns = await this.selectLog(m, afterZxid, limit);
      // log_start_zxid is lastZxid + 1 whenever the log is empty (see prune).
      return { oldestZxid: state.logStartZxid, lastZxid: state.lastZxid, txns };
    });
  }

  private logQuery(afterZxid: number, limit?: number): Statement {
    const bound = limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(limit))}`;
    return selectStatement(
      this.ds,
      this.entities.txnLog,
      (p) => `WHERE zxid > ${p(afterZxid)} ORDER BY zxid${bound}`,
    );
  }

  private async selectLog(m: EntityManager, afterZxid: number, limit?: number): Promise<Txn[]> {
    const { sql, params } = this.logQuery(afterZxid, limit);
    const raw = await m.query<Array<Record<string, unknown>>>(sql, params);
    return rowsOf(this.ds, this.entities.txnLog, raw).map(fromTxnLogRow);
  }

  /** Waits for work in flight, then closes the DataSource. */
  close(): Promise<void> {
    return this.queue.run(async () => {
      if (this.ds.isInitialized) await this.ds.destroy();
    });
  }

  /**
   * Reads in one snapshot; PostgreSQL's default isolation would let a commit land in between.
   * SQLite's single connection serializes them with commits; PostgreSQL's pool needs no queue.
   */
  private async read<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect !== 'postgres') return this.queue.run(() => this.ds.transaction(fn));
    try {
      return await this.ds.transaction('REPEATABLE READ', fn);
    } catch (err) {
      throw storeError(err);
    }
  }

  /** The state row, locked until the transaction ends: the cluster's one write lock. */
  private async lockedState(runner: QueryRunner): Promise<ZoonestStateEntity> {
    const { sql, params } = this.stateQuery;
    const raw = (await runner.query(`${sql} FOR UPDATE`, params)) as Array<Record<string, unknown>>;
    return requireState(rowsOf(this.ds, this.entities.state, raw)[0]);
  }

  private async select<T extends ObjectLiteral>(
    m: EntityManager,
    entity: EntityTarget<T>,
    tail?: (param: (value: unknown) => string) => string,
  ): Promise<T[]> {
    const { sql, params } = selectStatement(this.ds, entity, tail);
    return rowsOf(this.ds, entity, await m.query<Array<Record<string, unknown>>>(sql, params));
  }

  private async state(m: EntityManager): Promise<ZoonestStateEntity> {
    const { sql, params } = this.stateQuery;
    const raw = await m.query<Array<Record<string, unknown>>>(sql, params);
    return requireState(rowsOf(this.ds, this.entities.state, raw)[0]);
  }
}

function requireState(state: ZoonestStateEntity | undefined): ZoonestStateEntity {
  if (!state) throw new Error('zoonest_state has no row: the database was not migrated');
  return state;
}

/** A store error as the write path reports it: a lost database is ConnectionLoss. */
function storeError(err: unknown): unknown {
  if (err instanceof ZkError) return err;
  return isConnectionError(err) ? connectionLoss(String(err)) : err;
}

/**
 * A replica that applied more than the log holds follows a history the database no longer has
 * (a commit lost when PostgreSQL failed over): it must reload before it writes again.
 */
function checkApplied(state: ZoonestStateEntity, appliedZxid: number): void {
  if (appliedZxid > state.lastZxid) {
    throw connectionLoss(
      `this replica applied zxid ${appliedZxid} but the log ends at ${state.lastZxid}; it reloads`,
    );
  }
}

/** What the caller has not applied must all still be in the log. */
function checkNewer(newer: Txn[], state: ZoonestStateEntity, appliedZxid: number): Txn[] {
  if (newer.length !== state.lastZxid - appliedZxid) {
    throw connectionLoss(
      `this replica applied zxid ${appliedZxid}, older than the retained log; it reloads`,
    );
  }
  return newer;
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
