import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The replica a session's client last connected through, so an older connection learns it moved. */
export class AddSessionOwner1767000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'sessions',
      new TableColumn({ name: 'owner', type: 'varchar', length: '255', default: "''" }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('sessions', 'owner');
  }
}
