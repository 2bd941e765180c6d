import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NodeKind, NodeRecord } from '../core/znode';
import { bytesColumn, forEachDialect, idColumn, int64Column } from './columns';

/** A row of `znodes`: a NodeRecord with its ACL as JSON and its owner as a decimal string. */
export interface ZnodeRow {
  path: string;
  data: Buffer;
  acl: string;
  kind: string;
  ttlMs: number;
  ephemeralOwner: string;
  czxid: number;
  mzxid: number;
  pzxid: number;
  ctime: number;
  mtime: number;
  version: number;
  cversion: number;
  aversion: number;
}

/** `znodes`, the materialized tree. One class per dialect: the type of `data` differs. */
export const ZnodeEntity = forEachDialect((dialect): new () => ZnodeRow => {
  @Entity('znodes')
  class ZnodeEntity implements ZnodeRow {
    @PrimaryColumn({ type: 'text' }) path!: string;
    @Column(bytesColumn(dialect)) data!: Buffer;
    @Column({ type: 'text' }) acl!: string;
    @Column({ type: 'varchar', length: 16 }) kind!: string;
    @Column(int64Column('ttl_ms')) ttlMs!: number;
    @Column(idColumn('ephemeral_owner')) ephemeralOwner!: string;
    @Column(int64Column()) czxid!: number;
    @Column(int64Column()) mzxid!: number;
    @Column(int64Column()) pzxid!: number;
    @Column(int64Column()) ctime!: number;
    @Column(int64Column()) mtime!: number;
    @Column({ type: 'integer' }) version!: number;
    @Column({ type: 'integer' }) cversion!: number;
    @Column({ type: 'integer' }) aversion!: number;
  }
  return ZnodeEntity;
});

export function toZnodeRow(node: NodeRecord): ZnodeRow {
  return {
    path: node.path,
    data: node.data,
    acl: JSON.stringify(node.acl.map(({ scheme, id, perms }) => ({ scheme, id, perms }))),
    kind: node.kind,
    ttlMs: node.ttlMs,
    ephemeralOwner: node.ephemeralOwner.toString(),
    czxid: node.czxid,
    mzxid: node.mzxid,
    pzxid: node.pzxid,
    ctime: node.ctime,
    mtime: node.mtime,
    version: node.version,
    cversion: node.cversion,
    aversion: node.aversion,
  };
}

/**
 * Rows to records for a whole table: each distinct ACL text is parsed once, as most nodes of a
 * tree share one or two lists.
 */
export function znodeRowReader(): (row: ZnodeRow) => NodeRecord {
  const acls = new Map<string, NodeRecord['acl']>();
  return (row) => {
    let acl = acls.get(row.acl);
    if (!acl) acls.set(row.acl, (acl = JSON.parse(row.acl) as NodeRecord['acl']));
    return fromZnodeRow(row, acl);
  };
}

export function fromZnodeRow(
  row: ZnodeRow,
  acl = JSON.parse(row.acl) as NodeRecord['acl'],
): NodeRecord {
  return {
    path: row.path,
    data: row.data,
    acl,
    kind: row.kind as NodeKind,
    ttlMs: row.ttlMs,
    ephemeralOwner: row.ephemeralOwner === '0' ? 0n : BigInt(row.ephemeralOwner),
    czxid: row.czxid,
    mzxid: row.mzxid,
    pzxid: row.pzxid,
    ctime: row.ctime,
    mtime: row.mtime,
    version: row.version,
    cversion: row.cversion,
    aversion: row.aversion,
  };
}
