import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Txn } from '../core/txn';
import { idColumn, int64Column } from './columns';
import { decodeTxnOps, encodeTxnOps } from './txn-codec';

/** `txn_log`: one committed transaction per row, in zxid order; replicas replay it. */
@Entity('txn_log')
export class TxnLogEntity {
  @PrimaryColumn(int64Column()) zxid!: number;
  @Column(int64Column()) time!: number;
  @Column(idColumn('session_id')) sessionId!: string;
  /** The ops as JSON, see txn-codec.ts. */
  @Column({ type: 'text' }) payload!: string;
}

export function toTxnLogRow(txn: Txn): TxnLogEntity {
  return {
    zxid: txn.zxid,
    time: txn.time,
    sessionId: txn.sessionId.toString(),
    payload: encodeTxnOps(txn.ops),
  };
}

export function fromTxnLogRow(row: TxnLogEntity): Txn {
  return {
    zxid: row.zxid,
    time: row.time,
    sessionId: BigInt(row.sessionId),
    ops: decodeTxnOps(row.payload),
  };
}
