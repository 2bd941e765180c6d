import type { Acl } from './acl';
import type { WriteOp, WriteRequest } from './write-request';
import { kindOf } from './znode';

const INT = 4;
const LONG = 8;
/** RequestHeader: xid and type. */
const REQUEST_HEADER = INT + INT;
/** A multi's MultiHeader before each op and once at the end: type, done, err. */
const MULTI_HEADER = INT + 1 + INT;

const ustring = (s: string): number => INT + Buffer.byteLength(s, 'utf8');
const buffer = (b: Buffer): number => INT + b.length;
const aclVector = (acl: readonly Acl[]): number =>
  acl.reduce((n, a) => n + INT + ustring(a.scheme) + ustring(a.id), INT);

function opBytes(op: WriteOp): number {
  switch (op.op) {
    case 'create': {
      const ttl = kindOf(op.mode) === 'ttl' ? LONG : 0;
      return ustring(op.path) + buffer(op.data) + aclVector(op.acl) + INT + ttl;
    }
    case 'delete':
    case 'check':
      return ustring(op.path) + INT;
    case 'setData':
      return ustring(op.path) + buffer(op.data) + INT;
    case 'setACL':
      return ustring(op.path) + aclVector(op.acl) + INT;
    case 'deleteContainer':
      return ustring(op.path);
  }
}

/**
 * The length of the packet ZooKeeper's wire protocol sends for `req` (header and record, without
 * the length prefix): what ZooKeeper compares with jute.maxbuffer, whatever transport it came by.
 */
export function requestPacketBytes(req: WriteRequest): number {
  switch (req.op) {
    case 'multi':
      return req.ops.reduce(
        (n, op) => n + MULTI_HEADER + opBytes(op),
        REQUEST_HEADER + MULTI_HEADER,
      );
    case 'sync':
      return REQUEST_HEADER + ustring(req.path);
    case 'createSession':
    case 'closeSession':
      return REQUEST_HEADER;
    case 'create':
    case 'delete':
    case 'setData':
    case 'setACL':
    case 'check':
    case 'deleteContainer':
      return REQUEST_HEADER + opBytes(req);
  }
}
