import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { tempDir } from './temp-dir';

/** The PostgreSQL server every developer machine and CI run has (trust auth, database test). */
export const PG_URL = process.env.ZOONEST_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** Settings that put a server on this database, fresh for each call. */
  settings(): Promise<Record<string, string | number>>;
  /** Drops what `settings` created. */
  cleanup(): Promise<void>;
}

const schemas: string[] = [];

export const sqlite: TestDatabase = {
  name: 'sqlite',
  settings: async () => ({ ZOONEST_DATA_DIR: await tempDir() }),
  cleanup: async () => undefined,
};

export const postgres: TestDatabase = {
  name: 'postgres',
  settings: async () => {
    const schema = `zn_test_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    return { ZOONEST_DATA_DIR: await tempDir(), ZOONEST_DB_URL: PG_URL, ZOONEST_DB_SCHEMA: schema };
  },
  cleanup: async () => {
    const client = new Client({ connectionString: PG_URL });
    await client.connect();
    try {
      for (const schema of schemas.splice(0))
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  },
};

export const DATABASES: TestDatabase[] = [sqlite, postgres];
