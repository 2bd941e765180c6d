import { ZkCode } from '../../../core/zk-code';
import { JuteError } from './jute-error';
import { JuteReader } from './jute-reader';
import { readMultiBody, readMultiReadBody } from './multi-records';
import { OpCode, opNameOf } from './op-code';
import {
  readAddWatchBody,
  readAuthBody,
  readCreateBody,
  readPath,
  readPathVersion,
  readPathWatch,
  readReconfigBody,
  readSetAclBody,
  readSetDataBody,
  readSetWatchesBody,
  readWatchesBody,
} from './request-records';
import type { ZkRequest } from './requests';

/**
 * Decodes one packet after the handshake: RequestHeader { int xid, int type } and its body.
 * A bad header throws a JuteError without `request` (close the connection); a bad body throws
 * one with `request`, to be answered with its code like ZooKeeper does (MarshallingError,
 * BadArguments, or Unimplemented for op types a client may not send).
 * Trailing bytes are ignored, as ZooKeeper ignores them.
 */
export function decodeRequest(frame: Buffer): ZkRequest {
  const r = new JuteReader(frame);
  const xid = r.readInt();
  const opCode = r.readInt();
  try {
    return decodeBody(r, xid, opCode);
  } catch (err) {
    if (err instanceof JuteError) throw err.inRequest({ xid, opCode });
    throw err;
  }
}

function decodeBody(r: JuteReader, xid: number, opCode: number): ZkRequest {
  switch (opCode as OpCode) {
    case OpCode.create:
    case OpCode.create2:
    case OpCode.createContainer:
    case OpCode.createTTL: {
      const type = OpCode[opCode] as 'create' | 'create2' | 'createContainer' | 'createTTL';
      return { type, xid, ...readCreateBody(r, type) };
    }
    case OpCode.delete:
      return { type: 'delete', xid, ...readPathVersion(r) };
    // DeleteContainerRequest writes its path as a buffer: the same bytes as a ustring.
    case OpCode.deleteContainer:
      return { type: 'deleteContainer', xid, path: readPath(r) };
    case OpCode.exists:
      return { type: 'exists', xid, ...readPathWatch(r) };
    case OpCode.getData:
      return { type: 'getData', xid, ...readPathWatch(r) };
    case OpCode.setData:
      return { type: 'setData', xid, ...readSetDataBody(r) };
    case OpCode.getACL:
      return { type: 'getACL', xid, path: readPath(r) };
    case OpCode.setACL:
      return { type: 'setACL', xid, ...readSetAclBody(r) };
    case OpCode.getChildren:
      return { type: 'getChildren', xid, ...readPathWatch(r) };
    case OpCode.getChildren2:
      return { type: 'getChildren2', xid, ...readPathWatch(r) };
    case OpCode.sync:
      return { type: 'sync', xid, path: readPath(r) };
    case OpCode.multi:
      return { type: 'multi', xid, ops: readMultiBody(r) };
    case OpCode.multiRead:
      return { type: 'multiRead', xid, ops: readMultiReadBody(r) };
    case OpCode.reconfig:
      return { type: 'reconfig', xid, ...readReconfigBody(r) };
    case OpCode.checkWatches:
      return { type: 'checkWatches', xid, ...readWatchesBody(r) };
    case OpCode.removeWatches:
      return { type: 'removeWatches', xid, ...readWatchesBody(r) };
    case OpCode.auth:
      return { type: 'auth', xid, ...readAuthBody(r) };
    case OpCode.setWatches:
      return { type: 'setWatches', xid, ...readSetWatchesBody(r, false) };
    case OpCode.setWatches2:
      return { type: 'setWatches2', xid, ...readSetWatchesBody(r, true) };
    case OpCode.sasl:
      return { type: 'sasl', xid, token: r.readBuffer() ?? Buffer.alloc(0) };
    case OpCode.getEphemerals:
      return { type: 'getEphemerals', xid, prefixPath: r.readString() ?? '/' };
    case OpCode.getAllChildrenNumber:
      return { type: 'getAllChildrenNumber', xid, path: readPath(r) };
    case OpCode.addWatch:
      return { type: 'addWatch', xid, ...readAddWatchBody(r) };
    case OpCode.ping:
      return { type: 'ping', xid };
    case OpCode.closeSession:
      return { type: 'closeSession', xid };
    case OpCode.whoAmI:
      return { type: 'whoAmI', xid };
    // Not client requests (ZooKeeper's Request.isValid), like any number it does not define.
    case OpCode.notification:
    case OpCode.check:
    case OpCode.createSession:
    case OpCode.error:
    default:
      throw new JuteError(
        `op ${opNameOf(opCode) ?? opCode} is not a client request`,
        ZkCode.Unimplemented,
      );
  }
}
