import { MigrationExecutor, type DataSource } from 'typeorm';
import { createDataSource, type DataSourceSettings } from './data-source.factory';

export class SchemaBehindError extends Error {
  override name = 'SchemaBehindError';
  constructor(pending: string[]) {
    super(
      `the database lacks migrations this version needs (${pending.join(', ')}) and ` +
        'ZOONEST_DB_MIGRATE is false: run the migrate command first',
    );
  }
}

/**
 * Connects and migrates, or, with `migrate: false` (replicas whose migrations one job runs),
 * refuses a database that lacks a migration this version needs instead of running on it.
 */
export async function openDataSource(opts: DataSourceSettings): Promise<DataSource> {
  const ds = await createDataSource(opts).initialize();
  if (opts.migrate === false) {
    const pending = await new MigrationExecutor(ds).getPendingMigrations();
    if (pending.length > 0) {
      await ds.destroy();
      throw new SchemaBehindError(pending.map((m) => m.name));
    }
  }
  return ds;
}
