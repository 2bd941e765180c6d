import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Replicas on one database: session liveness every replica can see, and the replica list. */
export class AddReplicas1766000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'sessions',
      new TableColumn({ name: 'expires_at', type: 'bigint', default: 0 }),
    );
    await q.createTable(
      new Table({
        name: 'zoonest_replicas',
        columns: [
          { name: 'name', type: 'varchar', length: '255', isPrimary: true },
          { name: 'http_url', type: 'varchar', length: '255' },
          { name: 'zk_address', type: 'varchar', length: '255' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'applied_zxid', type: 'bigint' },
          { name: 'seen_at', type: 'bigint' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('zoonest_replicas');
    await q.dropColumn('sessions', 'expires_at');
  }
}
