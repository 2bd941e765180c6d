import { Logger } from '@nestjs/common';
import { SettingsError } from './server/settings';
import { startServer } from './server/start-server';

startServer().then(
  (server) => {
    const { zkPort } = server as { zkPort?: number };
    new Logger('Zoonest').log(
      `listening on ${server.url}${zkPort === undefined ? '' : ` and ZooKeeper port ${zkPort}`}`,
    );
  },
  (err: unknown) => {
    const detail =
      err instanceof SettingsError
        ? err.message
        : `zoonest failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
    process.stderr.write(`${detail}\n`);
    process.exit(1);
  },
);
