import type { Acl } from '../../../core/acl';
import type { Stat } from '../../../core/stat';
import { EventType, type WatchEvent } from '../../../core/watch-event';
import { type ClientInfo, writeAclList, writeClientInfo, writeStat } from './data-records';
import type { JuteWriter } from './jute-writer';
import type { ReplyHeader } from './responses';

// Writers for the records the server sends, one per jute class.

export function writeReplyHeader(w: JuteWriter, h: ReplyHeader): void {
  w.writeInt(h.xid).writeLong(h.zxid).writeInt(h.err);
}

/** MultiHeader { int type, boolean done, int err }: frames each op of a multi and its end. */
export function writeMultiHeader(w: JuteWriter, type: number, done: boolean, err: number): void {
  w.writeInt(type).writeBool(done).writeInt(err);
}

/** CreateResponse and SyncResponse: { ustring path }. */
export function writePathResponse(w: JuteWriter, path: string): void {
  w.writeString(path);
}

export function writeCreate2Response(w: JuteWriter, path: string, stat: Stat): void {
  w.writeString(path);
  writeStat(w, stat);
}

/** ExistsResponse, SetDataResponse and SetACLResponse are a Stat alone. */
export function writeStatResponse(w: JuteWriter, stat: Stat): void {
  writeStat(w, stat);
}

export function writeGetDataResponse(w: JuteWriter, data: Buffer, stat: Stat): void {
  w.writeBuffer(data);
  writeStat(w, stat);
}

export function writeGetAclResponse(w: JuteWriter, acl: readonly Acl[], stat: Stat): void {
  writeAclList(w, acl);
  writeStat(w, stat);
}

/** GetChildrenResponse and GetEphemeralsResponse: { vector<ustring> }. */
export function writeStringListResponse(w: JuteWriter, items: readonly string[]): void {
  w.writeVector(items, (v, s) => v.writeString(s));
}

export function writeGetChildren2Response(
  w: JuteWriter,
  children: readonly string[],
  stat: Stat,
): void {
  writeStringListResponse(w, children);
  writeStat(w, stat);
}

export function writeGetAllChildrenNumberResponse(w: JuteWriter, totalNumber: number): void {
  w.writeInt(totalNumber);
}

export function writeWhoAmIResponse(w: JuteWriter, clientInfo: readonly ClientInfo[]): void {
  w.writeVector(clientInfo, writeClientInfo);
}

/** ErrorResponse { int err }: a failed op in a multi, and addWatch's reply (err 0). */
export function writeErrorResponse(w: JuteWriter, err: number): void {
  w.writeInt(err);
}

/** SetSASLResponse { buffer token }. */
export function writeSaslResponse(w: JuteWriter, token: Buffer): void {
  w.writeBuffer(token);
}

/** Watcher.Event.KeeperState.SyncConnected: the state every server-sent event carries. */
export const SYNC_CONNECTED = 3;

/** WatcherEvent { int type, int state, ustring path }. */
export function writeWatcherEvent(w: JuteWriter, event: WatchEvent): void {
  w.writeInt(EventType[event.type]).writeInt(SYNC_CONNECTED).writeString(event.path);
}
