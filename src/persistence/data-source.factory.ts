import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { CreateSchema1764000000000 } from '../../migrations/1764000000000-create-schema';
import { CreateAuditLog1765000000000 } from '../../migrations/1765000000000-create-audit-log';
import { AddReplicas1766000000000 } from '../../migrations/1766000000000-add-replicas';
import { AddSessionOwner1767000000000 } from '../../migrations/1767000000000-add-session-owner';
import type { Dialect } from './columns';
import { entitiesFor } from './entities';

export interface DataSourceSettings {
  /** Directory of the SQLite file; used when `dbUrl` is not set. */
  dataDir: string;
  /** `postgres://` or `postgresql://` URL; unset for the embedded SQLite file. */
  dbUrl?: string;
  /** PostgreSQL only: schema to keep the tables in, created if missing (default: search path's). */
  pgSchema?: string;
  /** Run pending migrations on initialize (default true); false leaves them to `migrate`. */
  migrate?: boolean;
}

const MIGRATIONS = [
  CreateSchema1764000000000,
  CreateAuditLog1765000000000,
  AddReplicas1766000000000,
  AddSessionOwner1767000000000,
];
const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

function common(dialect: Dialect, migrate: boolean) {
  return {
    entities: Object.values(entitiesFor(dialect)),
    migrations: MIGRATIONS,
    migrationsRun: migrate,
    synchronize: false,
    logging: false,
  } as const;
}

/**
 * The DataSource the settings choose, not yet initialized; `initialize()` connects and, unless
 * `migrate` is false, migrates.
 * SQLite runs in WAL mode with synchronous=FULL so that a resolved commit survives power loss.
 */
export function createDataSource(opts: DataSourceSettings): DataSource {
  if (!opts.dbUrl) {
    mkdirSync(opts.dataDir, { recursive: true });
    return new DataSource({
      type: 'better-sqlite3',
      database: join(opts.dataDir, 'zoonest.db'),
      prepareDatabase: (db: Database) => {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
      },
      ...common('sqlite', opts.migrate ?? true),
    });
  }
  if (!/^postgres(ql)?:\/\//.test(opts.dbUrl)) {
    // Only the scheme: the rest of the URL may hold a password.
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(opts.dbUrl)?.[0] ?? 'a value without a scheme';
    throw new Error(
      `ZOONEST_DB_URL must be a postgres:// or postgresql:// URL, or unset for SQLite; got ${scheme}`,
    );
  }
  if (opts.pgSchema !== undefined && !SCHEMA_NAME.test(opts.pgSchema)) {
    throw new Error(`ZOONEST_DB_SCHEMA must match ${SCHEMA_NAME.source}; got "${opts.pgSchema}"`);
  }
  return new PostgresDataSource({
    type: 'postgres',
    url: opts.dbUrl,
    schema: opts.pgSchema,
    // Fail a write fast while the database is away instead of queueing it indefinitely.
    extra: { connectionTimeoutMillis: 5000, keepAlive: true },
    ...common('postgres', opts.migrate ?? true),
  });
}

/**
 * Creates its schema before TypeORM looks for the migrations table there, and migrates under an
 * advisory lock: replicas starting together would otherwise run the same migrations at once.
 */
class PostgresDataSource extends DataSource {
  constructor(private readonly pgOptions: PostgresConnectionOptions) {
    super(pgOptions);
  }

  override async initialize(): Promise<this> {
    const { url, schema } = this.pgOptions;
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [
        `zoonest:migrate:${schema ?? ''}`,
      ]);
      if (schema) await createSchemaIfMissing(client, schema);
      return await super.initialize();
    } finally {
      await client.end(); // ending the session releases the lock
    }
  }
}

async function createSchemaIfMissing(client: Client, schema: string): Promise<void> {
  // Look first: CREATE SCHEMA needs the CREATE privilege even when the schema exists.
  const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (found.rowCount === 0) await client.query(`CREATE SCHEMA "${schema}"`);
}
