import { Column, Entity, PrimaryColumn } from 'typeorm';
import { int64Column } from './columns';

/** `zoonest_replicas`: each replica of a cluster, as it last reported itself. */
@Entity('zoonest_replicas')
export class ReplicaEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 }) name!: string;
  @Column({ name: 'http_url', type: 'varchar', length: 255 }) httpUrl!: string;
  @Column({ name: 'zk_address', type: 'varchar', length: 255 }) zkAddress!: string;
  /** `leader` while it runs session expiry, else `follower`. */
  @Column({ type: 'varchar', length: 16 }) role!: string;
  @Column(int64Column('applied_zxid')) appliedZxid!: number;
  /** Database time (ms) of its last report. */
  @Column(int64Column('seen_at')) seenAt!: number;
}
