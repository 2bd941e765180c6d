import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source.factory';

const PG_URL = process.env.ZOONEST_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('createDataSource', () => {
  const opened: DataSource[] = [];
  const schemas: string[] = [];
  let dir: string;

  async function init(ds: DataSource): Promise<DataSource> {
    opened.push(ds);
    return ds.initialize();
  }

  function freshSchema(): string {
    const schema = `zn_ds_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    return schema;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zoonest-ds-'));
  });
  afterEach(async () => {
    for (const ds of opened.splice(0)) if (ds.isInitialized) await ds.destroy();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    const client = new Client({ connectionString: PG_URL });
    await client.connect();
    try {
      for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    } finally {
      await client.end();
    }
  });

  describe('without a URL: SQLite', () => {
    it('creates the data dir and zoonest.db in it', async () => {
      const dataDir = join(dir, 'not/yet/there');
      await init(createDataSource({ dataDir }));
      expect(existsSync(join(dataDir, 'zoonest.db'))).toBe(true);
    });

    it('runs in WAL mode with synchronous=FULL', async () => {
      const ds = await init(createDataSource({ dataDir: join(dir, 'pragmas') }));
      await expect(ds.query('PRAGMA journal_mode')).resolves.toEqual([{ journal_mode: 'wal' }]);
      await expect(ds.query('PRAGMA synchronous')).resolves.toEqual([{ synchronous: 2 }]); // 2 = FULL
    });

    it('migrates once: a reopen keeps the single state row', async () => {
      const dataDir = join(dir, 'reopen');
      await (await init(createDataSource({ dataDir }))).destroy();
      const ds = await init(createDataSource({ dataDir }));
      await expect(ds.query('SELECT * FROM zoonest_state')).resolves.toEqual([
        { id: 1, last_zxid: 0, log_start_zxid: 1 },
      ]);
      await expect(ds.query('SELECT name FROM migrations ORDER BY id')).resolves.toEqual([
        { name: 'CreateSchema1764000000000' },
        { name: 'CreateAuditLog1765000000000' },
        { name: 'AddReplicas1766000000000' },
        { name: 'AddSessionOwner1767000000000' },
      ]);
    });
  });

  describe('with a postgres URL', () => {
    it('creates the schema and keeps every table in it', async () => {
      const schema = freshSchema();
      const ds = await init(createDataSource({ dataDir: dir, dbUrl: PG_URL, pgSchema: schema }));
      const tables = await ds.query<Array<{ table_name: string }>>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
        [schema],
      );
      expect(tables.map((t) => t.table_name)).toEqual([
        'audit_log',
        'migrations',
        'sessions',
        'txn_log',
        'znodes',
        'zoonest_replicas',
        'zoonest_state',
      ]);
      await expect(ds.query(`SELECT * FROM "${schema}".zoonest_state`)).resolves.toEqual([
        { id: 1, last_zxid: '0', log_start_zxid: '1' },
      ]);
    });

    it('lets replicas start together on a new schema', async () => {
      const schema = freshSchema();
      const make = () => createDataSource({ dataDir: dir, dbUrl: PG_URL, pgSchema: schema });
      const [a, b, c] = await Promise.all([init(make()), init(make()), init(make())]);
      expect([a.isInitialized, b.isInitialized, c.isInitialized]).toEqual([true, true, true]);
      await expect(
        a.query(`SELECT count(*)::int AS n FROM "${schema}".zoonest_state`),
      ).resolves.toEqual([{ n: 1 }]);
    });

    it('accepts postgresql:// and a schema that already exists', async () => {
      const schema = freshSchema();
      const url = PG_URL.replace(/^postgres:/, 'postgresql:');
      await (
        await init(createDataSource({ dataDir: dir, dbUrl: url, pgSchema: schema }))
      ).destroy();
      const ds = await init(createDataSource({ dataDir: dir, dbUrl: url, pgSchema: schema }));
      expect(ds.isInitialized).toBe(true);
    });
  });

  it.each([
    ['sqlite', () => createDataSource({ dataDir: join(dir, 'drift') })],
    ['postgres', () => createDataSource({ dataDir: dir, dbUrl: PG_URL, pgSchema: freshSchema() })],
  ])('%s: the entities match the migrated tables exactly', async (_, make) => {
    const ds = await init(make());
    const { upQueries } = await ds.driver.createSchemaBuilder().log();
    expect(upQueries.map((q) => q.query)).toEqual([]);
  });

  it('refuses any other URL, naming the setting and hiding the credentials', () => {
    const attempt = () => createDataSource({ dataDir: dir, dbUrl: 'mysql://root:s3cret@db/zk' });
    expect(attempt).toThrow(/ZOONEST_DB_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(attempt).not.toThrow(/s3cret/);
  });

  it('refuses a schema name it would have to quote', () => {
    expect(() =>
      createDataSource({ dataDir: dir, dbUrl: PG_URL, pgSchema: 'x"; DROP TABLE y; --' }),
    ).toThrow(/ZOONEST_DB_SCHEMA/);
  });
});
