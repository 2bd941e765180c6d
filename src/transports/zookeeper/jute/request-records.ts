import type { WatchSet } from '../../../core/coordinator-types';
import type { AddWatchMode } from '../../../core/watch-event';
import { createModeOf } from './create-flags';
import { readAclList } from './data-records';
import { JuteError } from './jute-error';
import type { JuteReader } from './jute-reader';
import type {
  CreateOpName,
  CreateRequest,
  SetAclRequest,
  SetDataRequest,
  WireWatcherType,
} from './requests';

// Readers for request bodies, without the header; decode-request.ts adds `type` and `xid`.

type Body<T> = Omit<T, 'type' | 'xid'>;

/** A path that must be present: a null one is refused like ZooKeeper's path validation. */
export function readPath(r: JuteReader): string {
  const path = r.readString();
  if (path === null) throw JuteError.badArguments('path is null');
  return path;
}

/**
 * CreateRequest { path, data, acl, int flags }; createTTL's CreateTTLRequest adds `long ttl`.
 * The whole body is read before the flags are judged, so truncation stays MarshallingError.
 */
export function readCreateBody(r: JuteReader, op: CreateOpName): Body<CreateRequest> {
  const path = readPath(r);
  const data = r.readBuffer() ?? Buffer.alloc(0);
  const acl = readAclList(r);
  const flags = r.readInt();
  const ttl = op === 'createTTL' ? r.readLong() : undefined;
  const mode = createModeOf(flags);
  if (op === 'createContainer' && mode !== 'container') {
    throw JuteError.badArguments(`createContainer with mode ${mode}`);
  }
  if (ttl === undefined) return { path, data, acl, mode };
  if (!mode.endsWith('-ttl')) throw JuteError.badArguments(`createTTL with mode ${mode}`);
  // Negative or huge TTLs are BadArguments as in ZooKeeper; the core checks the 40-bit limit.
  if (ttl < 0n || ttl > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw JuteError.badArguments(`ttl ${ttl} is out of range`);
  }
  return { path, data, acl, mode, ttlMs: Number(ttl) };
}

/** DeleteRequest and CheckVersionRequest: { path, version }. */
export function readPathVersion(r: JuteReader): { path: string; version: number } {
  return { path: readPath(r), version: r.readInt() };
}

/** ExistsRequest, GetDataRequest, GetChildrenRequest, GetChildren2Request: { path, watch }. */
export function readPathWatch(r: JuteReader): { path: string; watch: boolean } {
  return { path: readPath(r), watch: r.readBool() };
}

export function readSetDataBody(r: JuteReader): Body<SetDataRequest> {
  return { path: readPath(r), data: r.readBuffer() ?? Buffer.alloc(0), version: r.readInt() };
}

export function readSetAclBody(r: JuteReader): Body<SetAclRequest> {
  return { path: readPath(r), acl: readAclList(r), version: r.readInt() };
}

const WATCHER_TYPES: Readonly<Record<number, WireWatcherType>> = {
  1: 'children',
  2: 'data',
  3: 'any',
  4: 'persistent',
  5: 'persistent-recursive',
};

/** CheckWatchesRequest and RemoveWatchesRequest: { path, int type } (Watcher.WatcherType). */
export function readWatchesBody(r: JuteReader): { path: string; watcherType: WireWatcherType } {
  const path = readPath(r);
  const code = r.readInt();
  const watcherType = WATCHER_TYPES[code];
  if (watcherType === undefined) throw JuteError.badArguments(`invalid watcher type ${code}`);
  return { path, watcherType };
}

const ADD_WATCH_MODES: Readonly<Record<number, AddWatchMode>> = {
  0: 'persistent',
  1: 'persistent-recursive',
};

/** AddWatchRequest { path, int mode } (ZooDefs.AddWatchModes). */
export function readAddWatchBody(r: JuteReader): { path: string; mode: AddWatchMode } {
  const path = readPath(r);
  const code = r.readInt();
  const mode = ADD_WATCH_MODES[code];
  if (mode === undefined) throw JuteError.badArguments(`invalid addWatch mode ${code}`);
  return { path, mode };
}

/** SetWatches, and SetWatches2 with its two persistent lists. Null lists read as empty. */
export function readSetWatchesBody(
  r: JuteReader,
  withPersistent: boolean,
): { relativeZxid: number; watches: WatchSet } {
  const relativeZxid = r.readLongAsNumber('relativeZxid');
  const paths = (): string[] => r.readVector(readPath) ?? [];
  const data = paths();
  const exist = paths();
  const child = paths();
  const persistent = withPersistent ? paths() : [];
  const persistentRecursive = withPersistent ? paths() : [];
  return { relativeZxid, watches: { data, exist, child, persistent, persistentRecursive } };
}

/** AuthPacket { int type, ustring scheme, buffer auth }. */
export function readAuthBody(r: JuteReader): { authType: number; scheme: string; auth: Buffer } {
  const authType = r.readInt();
  const scheme = r.readString() ?? '';
  const auth = r.readBuffer() ?? Buffer.alloc(0);
  return { authType, scheme, auth };
}

/** ReconfigRequest { joiningServers, leavingServers, newMembers, long curConfigId }. */
export function readReconfigBody(r: JuteReader): {
  joiningServers: string | null;
  leavingServers: string | null;
  newMembers: string | null;
  curConfigId: bigint;
} {
  return {
    joiningServers: r.readString(),
    leavingServers: r.readString(),
    newMembers: r.readString(),
    curConfigId: r.readLong(),
  };
}
