import { Logger } from '@nestjs/common';
import { SchemaBehindError } from './persistence/open-data-source';
import { migrateDatabase } from './server/migrate-database';
import { SettingsError } from './server/settings';
import { startServer } from './server/start-server';

const USAGE = 'usage: zoonest-server [serve | migrate]';

async function serve(): Promise<void> {
  const server = await startServer();
  const urls = [server.httpPort === -1 ? undefined : server.url, server.httpsUrl];
  const ports = [
    server.zkPort === -1 ? undefined : `ZooKeeper port ${server.zkPort}`,
    server.zkSecurePort === -1 ? undefined : `secure port ${server.zkSecurePort}`,
  ];
  new Logger('Zoonest').log(`listening on ${[...urls, ...ports].filter(Boolean).join(', ')}`);
}

async function migrate(): Promise<void> {
  const newest = await migrateDatabase(process.env);
  process.stdout.write(`zoonest: the database is migrated (newest migration: ${newest})\n`);
}

function fail(err: unknown): void {
  const detail =
    err instanceof SettingsError || err instanceof SchemaBehindError
      ? err.message
      : `zoonest failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
  process.stderr.write(`${detail}\n`);
  process.exit(1);
}

const commands: Record<string, () => Promise<void>> = { serve, migrate };
const command = commands[process.argv[2] ?? 'serve'];
if (command === undefined) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
} else {
  command().catch(fail);
}
