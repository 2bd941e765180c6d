import type { DataSource, EntityManager } from 'typeorm';
import type { CommitBatch, LogSlice, Snapshot, TxnStore } from '../core/ports';
import { deleteRowsIn, insertRows, selectRows } from './bulk-sql';
import { dialectOf, type Dialect } from './columns';
import { entitiesFor, type Entities } from './entities';
import { SerialQueue } from './serial-queue';
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

  constructor(
    private readonly ds: DataSource,
    private readonly opts: TypeOrmTxnStoreOptions,
  ) {
    if (!Number.isSafeInteger(opts.historyTxns) || opts.historyTxns < 0) {
      throw new Error(`historyTxns must be a non-negative integer, got ${opts.historyTxns}`);
    }
    this.dialect = dialectOf(ds);
    this.entities = entitiesFor(this.dialect);
  }

  load(): Promise<Snapshot> {
    return this.read(async (m) => {
      const state = await this.state(m, false);
      const nodes = await selectRows(m, this.entities.znode);
      const sessions = await selectRows(m, this.entities.session);
      return {
        lastZxid: state.lastZxid,
        nodes: nodes.map(fromZnodeRow),
        sessions: sessions.map(fromSessionRow),
      };
    });
  }

  commit(batch: CommitBatch): Promise<void> {
    return this.queue.run(() =>
      this.ds.transaction(async (m) => {
        const state = await this.state(m, true);
        checkContinues(state.lastZxid, batch);
        const { txnLog, znode, session } = this.entities;
        await insertRows(m, txnLog, batch.txns.map(toTxnLogRow), {
          bytesOf: (r) => r.payload.length,
        });
        await insertRows(m, znode, batch.upsertNodes.map(toZnodeRow), {
          bytesOf: (r) => r.data.length + r.acl.length,
          upsert: true,
        });
        await deleteRowsIn(m, znode, 'path', batch.deletePaths);
        await insertRows(m, session, batch.openSessions.map(toSessionRow));
        await deleteRowsIn(m, session, 'id', batch.closeSessions.map(String));
        const logStartZxid = await this.prune(m, state.logStartZxid, batch.lastZxid);
        await m.update(
          this.entities.state,
          { id: STATE_ROW_ID },
          { lastZxid: batch.lastZxid, logStartZxid },
        );
      }),
    );
  }

  readLog(afterZxid: number, limit: number): Promise<LogSlice> {
    return this.read(async (m) => {
      const state = await this.state(m, false);
      const rows = await selectRows(
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

  private async state(m: EntityManager, forUpdate: boolean): Promise<ZoonestStateEntity> {
    let query = m
      .createQueryBuilder(this.entities.state, 's')
      .where('s.id = :id', { id: STATE_ROW_ID });
    // The row lock orders commits from every replica; SQLite has a single writer anyway.
    if (forUpdate && this.dialect === 'postgres') query = query.setLock('pessimistic_write');
    const state = await query.getOne();
    if (!state) throw new Error('zoonest_state has no row: the database was not migrated');
    return state;
  }

  /** Keeps the newest historyTxns entries; returns the new log_start_zxid. */
  private async prune(m: EntityManager, logStartZxid: number, lastZxid: number): Promise<number> {
    // The log is contiguous (checkContinues), so the newest N are exactly zxid > lastZxid - N.
    const keepFrom = lastZxid - this.opts.historyTxns + 1;
    if (logStartZxid >= keepFrom) return logStartZxid;
    await m
      .createQueryBuilder()
      .delete()
      .from(this.entities.txnLog)
      .where('zxid < :keepFrom', { keepFrom })
      .execute();
    return keepFrom;
  }
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
