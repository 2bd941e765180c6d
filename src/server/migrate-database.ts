import { openDataSource } from '../persistence/open-data-source';
import { loadSettings } from './settings';

/**
 * The `migrate` command: brings the database the settings name up to this version's schema and
 * returns the newest migration it now has. Replicas started with ZOONEST_DB_MIGRATE=false wait
 * for this (PostgreSQL serializes it under the same advisory lock as a migrating start).
 */
export async function migrateDatabase(env: Record<string, string | undefined>): Promise<string> {
  const settings = loadSettings(env);
  const ds = await openDataSource({
    dataDir: settings.dataDir,
    dbUrl: settings.dbUrl,
    pgSchema: settings.dbSchema,
    migrate: true,
  });
  try {
    const newest = ds.migrations.at(-1);
    return newest ? (newest.name ?? newest.constructor.name) : 'none';
  } finally {
    await ds.destroy();
  }
}
