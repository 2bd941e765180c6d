import type {
  EntityManager,
  EntityMetadata,
  EntityTarget,
  ObjectLiteral,
  ValueTransformer,
} from 'typeorm';
import { qualifiedTable } from './columns';

// Plain multi-row SQL built from the entity metadata (names and transformers): TypeORM's query
// builder and find() spend several times as long per row as the database does. Our column types
// (text, varchar, integer, bigint, blob/bytea) need no driver conversion beyond the transformers.

/** Placeholders in the driver's style ($1 or ?) and the values bound to them. */
class Params {
  readonly values: unknown[] = [];
  constructor(private readonly m: EntityManager) {}

  add(value: unknown): string {
    this.values.push(value);
    return this.m.connection.driver.createParameter(
      `p${this.values.length}`,
      this.values.length - 1,
    );
  }
}

// SQLite binds at most 32766 parameters and PostgreSQL 65535; huge statements also cost memory.
const MAX_PARAMS = 30_000;
const MAX_BYTES = 8 * 1024 * 1024;

function chunks<T>(rows: readonly T[], columns: number, bytesOf: (row: T) => number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = bytesOf(row);
    const full = (current.length + 1) * columns > MAX_PARAMS || bytes + size > MAX_BYTES;
    if (current.length > 0 && full) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

const quote = (m: EntityManager, name: string) => m.connection.driver.escape(name);

export interface InsertOptions<T> {
  /** Size of a row's large values, to keep statements small. */
  bytesOf?: (row: T) => number;
  /** Replace the row holding the same primary key instead of failing. */
  upsert?: boolean;
}

/** INSERTs the rows, as few multi-row statements as the limits allow. */
export async function insertRows<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
  opts: InsertOptions<T> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const meta = m.connection.getMetadata(entity);
  const columns = columnsOf(meta);
  const names = columns.map((c) => quote(m, c.name));
  const head = `INSERT INTO ${qualifiedTable(m.connection, meta)} (${names.join(', ')}) VALUES `;
  let tail = '';
  if (opts.upsert) {
    const keys = meta.primaryColumns.map((c) => quote(m, c.databaseName));
    const sets = meta.columns
      .filter((c) => !c.isPrimary)
      .map((c) => `${quote(m, c.databaseName)} = EXCLUDED.${quote(m, c.databaseName)}`);
    tail = ` ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${sets.join(', ')}`;
  }
  for (const chunk of chunks(rows, names.length, opts.bytesOf ?? (() => 0))) {
    const params = new Params(m);
    const tuples = chunk.map((row) => {
      const values = columns.map(({ property, transformer }) => {
        const value: unknown = row[property];
        return params.add(transformer ? transformer.to(value) : value);
      });
      return `(${values.join(', ')})`;
    });
    await m.query(head + tuples.join(', ') + tail, params.values);
  }
}

/** DELETEs the rows whose `property` is one of `keys`. */
export async function deleteRowsIn<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  property: keyof T & string,
  keys: readonly unknown[],
): Promise<void> {
  const meta = m.connection.getMetadata(entity);
  const column = columnOf(meta, property);
  for (const chunk of chunks(keys, 1, () => 0)) {
    const params = new Params(m);
    const list = chunk.map((k) => params.add(k)).join(', ');
    await m.query(
      `DELETE FROM ${qualifiedTable(m.connection, meta)} WHERE ${quote(m, column)} IN (${list})`,
      params.values,
    );
  }
}

/**
 * SELECTs whole rows, optionally narrowed by `tail` (WHERE / ORDER BY / LIMIT in database column
 * names), which binds its values through `param`.
 */
export async function selectRows<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  tail: (param: (value: unknown) => string) => string = () => '',
): Promise<T[]> {
  const meta = m.connection.getMetadata(entity);
  const columns = columnsOf(meta);
  const params = new Params(m);
  const sql = `SELECT * FROM ${qualifiedTable(m.connection, meta)} ${tail((v) => params.add(v))}`;
  const raw = await m.query<Array<Record<string, unknown>>>(sql, params.values);
  return raw.map((r) => {
    const row: ObjectLiteral = {};
    for (const { property, name, transformer } of columns) {
      const value = r[name];
      row[property] = transformer ? (transformer.from(value) as unknown) : value;
    }
    return row as T;
  });
}

interface Column {
  property: string;
  name: string;
  transformer?: ValueTransformer;
}

function columnsOf(meta: EntityMetadata): Column[] {
  return meta.columns.map((c) => {
    if (Array.isArray(c.transformer))
      throw new Error(`${meta.name}.${c.propertyName}: one transformer only`);
    return { property: c.propertyName, name: c.databaseName, transformer: c.transformer };
  });
}

function columnOf(meta: EntityMetadata, property: string): string {
  const column = meta.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${meta.name} has no column ${property}`);
  return column.databaseName;
}
