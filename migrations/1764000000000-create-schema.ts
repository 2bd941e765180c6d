import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bytesType, qualifiedTable } from '../src/persistence/columns';

/** The transaction log, the materialized tree and sessions, and the state row commits lock. */
export class CreateSchema1764000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'txn_log',
        columns: [
          { name: 'zxid', type: 'bigint', isPrimary: true },
          { name: 'time', type: 'bigint' },
          { name: 'session_id', type: 'varchar', length: '20' },
          { name: 'payload', type: 'text' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'znodes',
        columns: [
          { name: 'path', type: 'text', isPrimary: true },
          { name: 'data', type: bytesType(q) },
          { name: 'acl', type: 'text' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'ttl_ms', type: 'bigint' },
          { name: 'ephemeral_owner', type: 'varchar', length: '20' },
          ...['czxid', 'mzxid', 'pzxid', 'ctime', 'mtime'].map((name) => ({
            name,
            type: 'bigint',
          })),
          ...['version', 'cversion', 'aversion'].map((name) => ({ name, type: 'integer' })),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'id', type: 'varchar', length: '20', isPrimary: true },
          { name: 'password', type: bytesType(q) },
          { name: 'timeout_ms', type: 'integer' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'zoonest_state',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'last_zxid', type: 'bigint' },
          { name: 'log_start_zxid', type: 'bigint' },
        ],
      }),
    );
    // An empty log starts at zxid 1 (= last_zxid + 1).
    await q.query(
      `INSERT INTO ${qualifiedTable(q.connection, 'zoonest_state')} (id, last_zxid, log_start_zxid) VALUES (1, 0, 1)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['zoonest_state', 'sessions', 'znodes', 'txn_log'])
      await q.dropTable(table);
  }
}
