import type { WatchEvent } from '../../../core/watch-event';
import { JuteWriter } from './jute-writer';
import { writeMultiResponse } from './multi-records';
import { ReservedXid } from './reserved-xid';
import {
  writeCreate2Response,
  writeErrorResponse,
  writeGetAclResponse,
  writeGetAllChildrenNumberResponse,
  writeGetChildren2Response,
  writeGetDataResponse,
  writePathResponse,
  writeReplyHeader,
  writeSaslResponse,
  writeStatResponse,
  writeStringListResponse,
  writeWatcherEvent,
  writeWhoAmIResponse,
} from './response-records';
import type { ReplyHeader, ZkResponse } from './responses';

/**
 * One length-prefixed reply: the header, then the body if given. Send a body only with err 0;
 * clients skip reading it otherwise.
 */
export function encodeReply(header: ReplyHeader, body?: ZkResponse): Buffer {
  const w = JuteWriter.frame(body ? 128 + payloadHint(body) : 16);
  writeReplyHeader(w, header);
  if (body) writeResponse(w, body);
  return w.toBuffer();
}

/** A watch event as the server pushes it: ReplyHeader { -1, event zxid, 0 } + WatcherEvent. */
export function encodeNotification(event: WatchEvent): Buffer {
  const w = JuteWriter.frame(32 + event.path.length * 3);
  writeNotificationBody(w, event);
  return w.toBuffer();
}

/**
 * encodeReply's bytes appended to a record writer shared by several packets (one buffer per
 * write instead of one per reply). Nothing is left behind if the body cannot be encoded.
 */
export function appendReply(w: JuteWriter, header: ReplyHeader, body?: ZkResponse): void {
  const at = w.beginFrame();
  try {
    writeReplyHeader(w, header);
    if (body) writeResponse(w, body);
  } catch (err) {
    w.truncate(at);
    throw err;
  }
  w.endFrame(at);
}

/** encodeNotification's bytes appended to a shared record writer. */
export function appendNotification(w: JuteWriter, event: WatchEvent): void {
  const at = w.beginFrame();
  try {
    writeNotificationBody(w, event);
  } catch (err) {
    w.truncate(at);
    throw err;
  }
  w.endFrame(at);
}

function writeNotificationBody(w: JuteWriter, event: WatchEvent): void {
  writeReplyHeader(w, { xid: ReservedXid.notification, zxid: event.zxid, err: 0 });
  writeWatcherEvent(w, event);
}

export function writeResponse(w: JuteWriter, res: ZkResponse): void {
  switch (res.type) {
    case 'create':
    case 'sync':
      return writePathResponse(w, res.path);
    case 'create2':
    case 'createTTL':
    case 'createContainer':
      return writeCreate2Response(w, res.path, res.stat);
    case 'exists':
    case 'setData':
    case 'setACL':
      return writeStatResponse(w, res.stat);
    case 'getData':
      return writeGetDataResponse(w, res.data, res.stat);
    case 'getACL':
      return writeGetAclResponse(w, res.acl, res.stat);
    case 'getChildren':
      return writeStringListResponse(w, res.children);
    case 'getChildren2':
      return writeGetChildren2Response(w, res.children, res.stat);
    case 'multi':
    case 'multiRead':
      return writeMultiResponse(w, res.results);
    case 'getEphemerals':
      return writeStringListResponse(w, res.ephemerals);
    case 'getAllChildrenNumber':
      return writeGetAllChildrenNumberResponse(w, res.totalNumber);
    case 'whoAmI':
      return writeWhoAmIResponse(w, res.clientInfo);
    case 'addWatch':
      return writeErrorResponse(w, 0);
    case 'sasl':
      return writeSaslResponse(w, res.token);
  }
}

/** Big payloads sized up front, so a 1 MiB getData is not copied while the buffer grows. */
function payloadHint(res: ZkResponse): number {
  if (res.type === 'getData') return res.data.length;
  if (res.type === 'sasl') return res.token.length;
  return 0;
}
