import { Column, Entity, PrimaryColumn } from 'typeorm';
import { int64Column } from './columns';

export const STATE_ROW_ID = 1;

/** `zoonest_state`: the single row every commit locks and advances. */
@Entity('zoonest_state')
export class ZoonestStateEntity {
  @PrimaryColumn({ type: 'integer' }) id!: number;
  @Column(int64Column('last_zxid')) lastZxid!: number;
  /** Lowest zxid still in txn_log; lastZxid + 1 when the log is empty. */
  @Column(int64Column('log_start_zxid')) logStartZxid!: number;
}
