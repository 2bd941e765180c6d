import type { Acl } from '../../../core/acl';
import type { Stat } from '../../../core/stat';
import type { JuteReader } from './jute-reader';
import type { JuteWriter } from './jute-writer';

/** One identity in a WhoAmIResponse (jute ClientInfo). */
export interface ClientInfo {
  authScheme: string;
  user: string;
}

/** Stat in wire order: czxid, mzxid, ctime, mtime, version, cversion, aversion, owner, ... */
export function writeStat(w: JuteWriter, s: Stat): void {
  w.writeLong(s.czxid)
    .writeLong(s.mzxid)
    .writeLong(s.ctime)
    .writeLong(s.mtime)
    .writeInt(s.version)
    .writeInt(s.cversion)
    .writeInt(s.aversion)
    .writeLong(s.ephemeralOwner)
    .writeInt(s.dataLength)
    .writeInt(s.numChildren)
    .writeLong(s.pzxid);
}

export function readStat(r: JuteReader): Stat {
  const czxid = r.readLongAsNumber('czxid');
  const mzxid = r.readLongAsNumber('mzxid');
  const ctime = r.readLongAsNumber('ctime');
  const mtime = r.readLongAsNumber('mtime');
  const version = r.readInt();
  const cversion = r.readInt();
  const aversion = r.readInt();
  const ephemeralOwner = r.readLong();
  const dataLength = r.readInt();
  const numChildren = r.readInt();
  const pzxid = r.readLongAsNumber('pzxid');
  return {
    czxid,
    mzxid,
    pzxid,
    ctime,
    mtime,
    version,
    cversion,
    aversion,
    ephemeralOwner,
    dataLength,
    numChildren,
  };
}

/** jute ACL: int perms, then Id { ustring scheme; ustring id }. */
export function writeAcl(w: JuteWriter, acl: Acl): void {
  w.writeInt(acl.perms).writeString(acl.scheme).writeString(acl.id);
}

export function readAcl(r: JuteReader): Acl {
  const perms = r.readInt();
  // A null scheme or id can match nothing; the core refuses the empty string as InvalidACL.
  const scheme = r.readString() ?? '';
  const id = r.readString() ?? '';
  return { scheme, id, perms };
}

/** A null ACL vector reads as empty, which the core refuses as InvalidACL like ZooKeeper. */
export function readAclList(r: JuteReader): Acl[] {
  return r.readVector(readAcl) ?? [];
}

export function writeAclList(w: JuteWriter, acl: readonly Acl[]): void {
  w.writeVector(acl, writeAcl);
}

export function writeClientInfo(w: JuteWriter, info: ClientInfo): void {
  w.writeString(info.authScheme).writeString(info.user);
}

export function readClientInfo(r: JuteReader): ClientInfo {
  return { authScheme: r.readString() ?? '', user: r.readString() ?? '' };
}
