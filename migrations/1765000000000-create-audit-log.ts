import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The dashboard's audit log. */
export class CreateAuditLog1765000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'at', type: 'bigint' },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'remote_address', type: 'varchar', length: '64' },
          { name: 'action', type: 'varchar', length: '32' },
          { name: 'target', type: 'text' },
          { name: 'outcome', type: 'varchar', length: '32' },
          { name: 'detail', type: 'text' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_log');
  }
}
