import type {
  DataSource,
  EntityMetadata,
  EntityTarget,
  ObjectLiteral,
  ValueTransformer,
} from 'typeorm';
import { qualifiedTable } from './columns';

// Plain multi-row SQL built from the entity metadata (names and transformers): TypeORM's query
// builder and find() spend several times as long per row as the database does. Our column types
// (text, varchar, integer, bigint, blob/bytea) need no driver conversion beyond the transformers.

/** One SQL statement and the values bound to its placeholders. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** Placeholders in the driver's style ($1 or ?) and the values bound to them. */
class Params {
  readonly values: unknown[] = [];
  constructor(private readonly ds: DataSource) {}

  add(value: unknown): string {
    this.values.push(value);
    return this.ds.driver.createParameter(`p${this.values.length}`, this.values.length - 1);
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

const quote = (ds: DataSource, name: string) => ds.driver.escape(name);

export interface InsertOptions<T> {
  /** Size of a row's large values, to keep statements small. */
  bytesOf?: (row: T) => number;
  /** Replace the row holding the same primary key instead of failing. */
  upsert?: boolean;
}

/** INSERTs of the rows, as few multi-row statements as the limits allow. */
export function insertStatements<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  rows: readonly T[],
  opts: InsertOptions<T> = {},
): Statement[] {
  if (rows.length === 0) return [];
  const meta = ds.getMetadata(entity);
  const columns = columnsOf(meta);
  const names = columns.map((c) => quote(ds, c.name));
  const head = `INSERT INTO ${qualifiedTable(ds, meta)} (${names.join(', ')}) VALUES `;
  let tail = '';
  if (opts.upsert) {
    const keys = meta.primaryColumns.map((c) => quote(ds, c.databaseName));
    const sets = meta.columns
      .filter((c) => !c.isPrimary)
      .map((c) => `${quote(ds, c.databaseName)} = EXCLUDED.${quote(ds, c.databaseName)}`);
    tail = ` ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${sets.join(', ')}`;
  }
  return chunks(rows, names.length, opts.bytesOf ?? (() => 0)).map((chunk) => {
    const params = new Params(ds);
    const tuples = chunk.map((row) => {
      const values = columns.map(({ property, transformer }) => {
        const value: unknown = row[property];
        return params.add(transformer ? transformer.to(value) : value);
      });
      return `(${values.join(', ')})`;
    });
    return { sql: head + tuples.join(', ') + tail, params: params.values };
  });
}

/** DELETEs of the rows whose `property` is one of `keys`. */
export function deleteInStatements<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  property: keyof T & string,
  keys: readonly unknown[],
): Statement[] {
  const meta = ds.getMetadata(entity);
  const column = quote(ds, columnOf(meta, property));
  return chunks(keys, 1, () => 0).map((chunk) => {
    const params = new Params(ds);
    const list = chunk.map((k) => params.add(k)).join(', ');
    return {
      sql: `DELETE FROM ${qualifiedTable(ds, meta)} WHERE ${column} IN (${list})`,
      params: params.values,
    };
  });
}

/** DELETE of the rows whose `property` is below `bound`. */
export function deleteBelowStatement<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  property: keyof T & string,
  bound: number,
): Statement {
  const meta = ds.getMetadata(entity);
  const params = new Params(ds);
  const column = quote(ds, columnOf(meta, property));
  const sql = `DELETE FROM ${qualifiedTable(ds, meta)} WHERE ${column} < ${params.add(bound)}`;
  return { sql, params: params.values };
}

/** UPDATE of the row whose `keyProperty` is `key`, setting `values`. */
export function updateStatement<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  keyProperty: keyof T & string,
  key: unknown,
  values: Partial<T>,
): Statement {
  const meta = ds.getMetadata(entity);
  const params = new Params(ds);
  const sets = Object.entries(values).map(
    ([property, value]) => `${quote(ds, columnOf(meta, property))} = ${params.add(value)}`,
  );
  const where = `${quote(ds, columnOf(meta, keyProperty))} = ${params.add(key)}`;
  const sql = `UPDATE ${qualifiedTable(ds, meta)} SET ${sets.join(', ')} WHERE ${where}`;
  return { sql, params: params.values };
}

/**
 * SELECT of whole rows, optionally narrowed by `tail` (WHERE / ORDER BY / LIMIT in database
 * column names), which binds its values through `param`.
 */
export function selectStatement<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  tail: (param: (value: unknown) => string) => string = () => '',
): Statement {
  const meta = ds.getMetadata(entity);
  const params = new Params(ds);
  const sql = `SELECT * FROM ${qualifiedTable(ds, meta)} ${tail((v) => params.add(v))}`;
  return { sql, params: params.values };
}

/** A SELECT of every column in a set order, and how to turn one row of its values into an entity. */
export interface ValuesQuery<T> extends Statement {
  decode(values: readonly unknown[]): T;
}

/** As `selectStatement`, for drivers that return rows as arrays of values (cheaper per row). */
export function selectValuesStatement<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  tail: (param: (value: unknown) => string) => string = () => '',
): ValuesQuery<T> {
  const meta = ds.getMetadata(entity);
  const columns = columnsOf(meta);
  const params = new Params(ds);
  const names = columns.map((c) => quote(ds, c.name)).join(', ');
  const sql = `SELECT ${names} FROM ${qualifiedTable(ds, meta)} ${tail((v) => params.add(v))}`;
  return {
    sql,
    params: params.values,
    decode: (values) => {
      const row: ObjectLiteral = {};
      columns.forEach(({ property, transformer }, i) => {
        const value = values[i];
        row[property] = transformer ? (transformer.from(value) as unknown) : value;
      });
      return row as T;
    },
  };
}

/** Entities from the raw rows a `selectStatement` returned. */
export function rowsOf<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  raw: ReadonlyArray<Record<string, unknown>>,
): T[] {
  const columns = columnsOf(ds.getMetadata(entity));
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
