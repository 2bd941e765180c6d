import type BetterSqlite3 from 'better-sqlite3';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { AbstractSqliteDriver } from 'typeorm/driver/sqlite-abstract/AbstractSqliteDriver';
import type { Statement } from './bulk-sql';

/** Prepared statements kept at most; multi-row statements differ by their row count. */
const CACHE_SIZE = 256;

/** Runs a statement; `all` also returns the rows it selects. */
export interface StatementExecutor {
  run(statement: Statement): void;
  all(statement: Statement): Array<Record<string, unknown>>;
}

/**
 * Synchronous transactions on the better-sqlite3 connection a DataSource holds. A commit done
 * this way takes a fraction of the time of the same statements through TypeORM's async query
 * runner, and nothing else on the event loop can run in the middle of it.
 */
export class SqliteStatements implements StatementExecutor {
  private readonly prepared = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly ds: DataSource) {}

  private get db(): BetterSqlite3.Database {
    return (this.ds.driver as AbstractSqliteDriver).databaseConnection as BetterSqlite3.Database;
  }

  /** True while a transaction begun elsewhere (through TypeORM) is still open. */
  get busy(): boolean {
    return this.db.inTransaction;
  }

  transaction<T>(work: (exec: StatementExecutor) => T): T {
    try {
      // IMMEDIATE takes the write lock up front: a second process waits instead of failing midway.
      return this.db.transaction(() => work(this)).immediate();
    } catch (err) {
      throw err instanceof QueryFailedError
        ? err
        : new QueryFailedError('COMMIT', [], err as Error);
    }
  }

  /** Reads in one snapshot of the database, taking no write lock. */
  snapshot<T>(work: (exec: StatementExecutor) => T): T {
    try {
      return this.db.transaction(() => work(this)).deferred();
    } catch (err) {
      throw err instanceof QueryFailedError
        ? err
        : new QueryFailedError('SELECT', [], err as Error);
    }
  }

  /** Hands each row the statement selects to `visit` as an array of values, without keeping any. */
  each(statement: Statement, visit: (values: unknown[]) => void): void {
    // A statement of its own: raw mode would change the cached one for every other caller.
    const rows = this.failsAsQuery(statement, () =>
      this.db
        .prepare(statement.sql)
        .raw(true)
        .iterate(...statement.params),
    );
    try {
      for (;;) {
        const next = this.failsAsQuery(statement, () => rows.next());
        if (next.done) return;
        visit(next.value as unknown[]);
      }
    } finally {
      // Ends the statement even when `visit` threw; the connection is busy until then.
      rows.return?.();
    }
  }

  run(statement: Statement): void {
    this.execute(statement, (stmt) => stmt.run(...statement.params));
  }

  all(statement: Statement): Array<Record<string, unknown>> {
    return this.execute(
      statement,
      (stmt) => stmt.all(...statement.params) as Array<Record<string, unknown>>,
    );
  }

  private execute<T>(statement: Statement, work: (stmt: BetterSqlite3.Statement) => T): T {
    return this.failsAsQuery(statement, () => work(this.statement(statement.sql)));
  }

  /** Fails as a query through TypeORM fails, so both databases report errors alike. */
  private failsAsQuery<T>(statement: Statement, work: () => T): T {
    try {
      return work();
    } catch (err) {
      throw new QueryFailedError(statement.sql, statement.params, err as Error);
    }
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let stmt = this.prepared.get(sql);
    if (!stmt) {
      if (this.prepared.size >= CACHE_SIZE) this.prepared.clear();
      stmt = this.db.prepare(sql);
      this.prepared.set(sql, stmt);
    }
    return stmt;
  }
}
