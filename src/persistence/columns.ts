import type {
  DataSource,
  EntityMetadata,
  PrimaryColumnOptions,
  QueryRunner,
  ValueTransformer,
} from 'typeorm';

/** The two databases Zoonest runs on: the embedded default and the scale-out one. */
export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(ds: DataSource): Dialect {
  const type = ds.options.type;
  if (type === 'better-sqlite3') return 'sqlite';
  if (type === 'postgres') return 'postgres';
  throw new Error(`unsupported database type ${type}`);
}

/** Builds one value (an entity class) per dialect, for tables whose column types differ. */
export function forEachDialect<T>(define: (dialect: Dialect) => T): Record<Dialect, T> {
  return { sqlite: define('sqlite'), postgres: define('postgres') };
}

/** SQL type of a byte-string column: SQLite has no `bytea`, PostgreSQL no `blob`. */
export function bytesSqlType(dialect: Dialect): 'blob' | 'bytea' {
  return dialect === 'postgres' ? 'bytea' : 'blob';
}

/** For migrations: the byte-string type of the database a migration runs on. */
export function bytesType(q: QueryRunner): string {
  return bytesSqlType(dialectOf(q.connection));
}

// Column helpers return PrimaryColumnOptions: ColumnOptions that also fit @PrimaryColumn.

export function bytesColumn(dialect: Dialect, name?: string): PrimaryColumnOptions {
  return { name, type: bytesSqlType(dialect) };
}

// PostgreSQL hands bigint back as a string (it may exceed 2^53); ours never do, so check and convert.
const safeInteger: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | number | null) => {
    if (value === null) return value;
    const n = Number(value);
    if (!Number.isSafeInteger(n))
      throw new Error(`bigint column value ${value} is not a safe integer`);
    return n;
  },
};

/** A bigint column read back as a JS number (zxids, times, durations). */
export function int64Column(name?: string): PrimaryColumnOptions {
  return { name, type: 'bigint', transformer: safeInteger };
}

/** A 64-bit id (a session id) as its decimal string: exact on both databases. */
export function idColumn(name?: string): PrimaryColumnOptions {
  return { name, type: 'varchar', length: 20 };
}

/** A table's name as SQL, qualified by the PostgreSQL schema when one is configured. */
export function qualifiedTable(ds: DataSource, table: string | EntityMetadata): string {
  const { schema, tableName } = ds.driver.parseTableName(table);
  const escape = (name: string) => ds.driver.escape(name);
  return schema ? `${escape(schema)}.${escape(tableName)}` : escape(tableName);
}
