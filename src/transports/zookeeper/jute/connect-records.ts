import { JuteReader } from './jute-reader';
import { JuteWriter } from './jute-writer';
import type { ConnectRequest } from './requests';

/**
 * ConnectRequest { int protocolVersion, long lastZxidSeen, int timeOut, long sessionId,
 * buffer passwd, boolean readOnly }. Clients before 3.4 stop after passwd; like ZooKeeper's
 * ProtocolManager we read readOnly only when a byte is left. Trailing bytes are ignored.
 */
export function decodeConnectRequest(frame: Buffer): ConnectRequest {
  const r = new JuteReader(frame);
  const protocolVersion = r.readInt();
  const lastZxidSeen = r.readLongAsNumber('lastZxidSeen');
  const timeoutMs = r.readInt();
  const sessionId = r.readLong();
  const passwd = r.readBuffer() ?? Buffer.alloc(0);
  const withReadOnly = r.remaining > 0;
  const readOnly = withReadOnly && r.readBool();
  return { protocolVersion, lastZxidSeen, timeoutMs, sessionId, passwd, readOnly, withReadOnly };
}

export interface ConnectResponse {
  protocolVersion: number;
  /** The negotiated timeout; 0 (with session 0 and a zero password) refuses an expired session. */
  timeoutMs: number;
  sessionId: bigint;
  passwd: Buffer;
  readOnly: boolean;
}

/**
 * The length-prefixed ConnectResponse. `withReadOnly` must echo the request's: old clients
 * would misread the extra byte.
 */
export function encodeConnectResponse(
  res: ConnectResponse,
  opts: { withReadOnly: boolean },
): Buffer {
  const w = JuteWriter.frame(36 + res.passwd.length)
    .writeInt(res.protocolVersion)
    .writeInt(res.timeoutMs)
    .writeLong(res.sessionId)
    .writeBuffer(res.passwd);
  if (opts.withReadOnly) w.writeBool(res.readOnly);
  return w.toBuffer();
}
