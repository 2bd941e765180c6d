import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryFailedError, type DataSource } from 'typeorm';
import { createDataSource } from './data-source.factory';
import { SqliteStatements } from './sqlite-statements';

describe('SqliteStatements', () => {
  let dir: string;
  let ds: DataSource;
  let sqlite: SqliteStatements;
  const count = () => sqlite.all({ sql: 'SELECT COUNT(*) AS n FROM probe', params: [] })[0]?.n;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zoonest-sqlite-'));
    ds = await createDataSource({ dataDir: dir }).initialize();
    await ds.query('CREATE TABLE probe (id INTEGER PRIMARY KEY, note TEXT)');
    sqlite = new SqliteStatements(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('commits every statement of a transaction, and reads them back', () => {
    sqlite.transaction((exec) => {
      exec.run({ sql: 'INSERT INTO probe VALUES (?, ?)', params: [1, 'one'] });
      exec.run({ sql: 'INSERT INTO probe VALUES (?, ?)', params: [2, 'two'] });
    });
    expect(sqlite.all({ sql: 'SELECT note FROM probe ORDER BY id', params: [] })).toEqual([
      { note: 'one' },
      { note: 'two' },
    ]);
  });

  it('keeps none of a transaction that throws', () => {
    expect(() =>
      sqlite.transaction((exec) => {
        exec.run({ sql: 'INSERT INTO probe VALUES (?, ?)', params: [3, 'three'] });
        exec.run({ sql: 'INSERT INTO probe VALUES (?, ?)', params: [1, 'taken'] });
      }),
    ).toThrow(QueryFailedError);
    expect(count()).toBe(2);
    expect(() =>
      sqlite.transaction((exec) =>
        exec.run({ sql: 'INSERT INTO probe VALUES (1, 1)', params: [] }),
      ),
    ).toThrow(/UNIQUE/);
    expect(count()).toBe(2);
  });

  it('hands rows over one by one as arrays of values, inside a snapshot', () => {
    const rows: unknown[][] = [];
    sqlite.snapshot(() =>
      sqlite.each(
        { sql: 'SELECT id, note FROM probe WHERE id > ? ORDER BY id', params: [0] },
        (v) => rows.push(v),
      ),
    );
    expect(rows).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
  });

  it('ends the statement when a visitor throws, leaving the connection usable', () => {
    const visit = () => {
      throw new Error('stop');
    };
    expect(() => sqlite.each({ sql: 'SELECT id FROM probe', params: [] }, visit)).toThrow('stop');
    sqlite.transaction((exec) => exec.run({ sql: 'UPDATE probe SET note = note', params: [] }));
    expect(count()).toBe(2);
  });

  it('is busy while a TypeORM transaction is open on the same connection', async () => {
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    expect(sqlite.busy).toBe(true);
    await runner.rollbackTransaction();
    await runner.release();
    expect(sqlite.busy).toBe(false);
  });
});
