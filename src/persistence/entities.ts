import { AuditEntryEntity } from './audit-entry.entity';
import type { Dialect } from './columns';
import { ReplicaEntity } from './replica.entity';
import { SessionEntity } from './session.entity';
import { TxnLogEntity } from './txn-log.entity';
import { ZnodeEntity } from './znode.entity';
import { ZoonestStateEntity } from './zoonest-state.entity';

/** The entity classes a DataSource of one dialect registers and the store writes through. */
export function entitiesFor(dialect: Dialect) {
  return {
    txnLog: TxnLogEntity,
    znode: ZnodeEntity[dialect],
    session: SessionEntity[dialect],
    state: ZoonestStateEntity,
    audit: AuditEntryEntity,
    replica: ReplicaEntity,
  };
}

export type Entities = ReturnType<typeof entitiesFor>;
