import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { int64Column } from './columns';

/** `audit_log`: who changed what through the dashboard, and how it went. */
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment') id!: number;
  @Column(int64Column()) at!: number;
  @Column({ type: 'varchar', length: 64 }) actor!: string;
  @Column({ name: 'remote_address', type: 'varchar', length: 64 }) remoteAddress!: string;
  @Column({ type: 'varchar', length: 32 }) action!: string;
  /** What the action was on: a path, a session id, a config key. */
  @Column({ type: 'text' }) target!: string;
  /** `Ok`, or the name of the error that refused it (e.g. `BadVersion`). */
  @Column({ type: 'varchar', length: 32 }) outcome!: string;
  /** More about the change as JSON, e.g. the version written. */
  @Column({ type: 'text' }) detail!: string;
}
