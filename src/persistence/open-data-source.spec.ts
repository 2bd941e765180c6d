import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { removeTempDirs, tempDir } from '../../test/support/temp-dir';
import type { DataSourceSettings } from './data-source.factory';
import { openDataSource, SchemaBehindError } from './open-data-source';

const PG_URL = process.env.ZOONEST_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `zn_open_${randomBytes(6).toString('hex')}`;

describe('openDataSource', () => {
  const opened: DataSource[] = [];
  async function open(opts: DataSourceSettings): Promise<DataSource> {
    const ds = await openDataSource(opts);
    opened.push(ds);
    return ds;
  }

  afterEach(async () => {
    for (const ds of opened.splice(0)) if (ds.isInitialized) await ds.destroy();
  });
  afterAll(async () => {
    await removeTempDirs();
    const client = new Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  });

  it.each([
    ['sqlite', async (): Promise<DataSourceSettings> => ({ dataDir: await tempDir() })],
    [
      'postgres',
      async (): Promise<DataSourceSettings> => ({
        dataDir: await tempDir(),
        dbUrl: PG_URL,
        pgSchema: schema,
      }),
    ],
  ])(
    '%s: without migrating, refuses a database that lacks migrations, then opens it once migrated',
    async (_, settings) => {
      const where = await settings();
      const refused = openDataSource({ ...where, migrate: false });
      await expect(refused).rejects.toBeInstanceOf(SchemaBehindError);
      await expect(refused).rejects.toThrow(
        /lacks migrations .*CreateSchema1764000000000, CreateAuditLog1765000000000, AddReplicas1766000000000.*ZOONEST_DB_MIGRATE is false: run the migrate command/,
      );
      await (await open({ ...where, migrate: true })).destroy();
      const ds = await open({ ...where, migrate: false });
      const state = ds.entityMetadatas.find((m) => m.tableName === 'zoonest_state');
      await expect(ds.getRepository(state!.target).count()).resolves.toBe(1);
    },
  );
});
