import type { ReadOp } from '../../../core/coordinator-types';
import { JuteError } from './jute-error';
import type { JuteReader } from './jute-reader';
import type { JuteWriter } from './jute-writer';
import { OpCode } from './op-code';
import { readCreateBody, readPathVersion, readPathWatch, readSetDataBody } from './request-records';
import type { MultiOp } from './requests';
import {
  writeCreate2Response,
  writeErrorResponse,
  writeGetDataResponse,
  writeMultiHeader,
  writePathResponse,
  writeStatResponse,
  writeStringListResponse,
} from './response-records';
import type { MultiResult } from './responses';

/**
 * A MultiOperationRecord: (MultiHeader op)* then a MultiHeader with done set. Each op is read
 * with `readOp`, which refuses the op types its kind of multi does not allow.
 */
function readMultiOps<T>(r: JuteReader, readOp: (type: number) => T): T[] {
  const ops: T[] = [];
  for (;;) {
    const type = r.readInt();
    const done = r.readBool();
    r.readInt(); // err: always -1 in requests
    if (done) return ops;
    ops.push(readOp(type));
  }
}

type OpReader<T> = (r: JuteReader) => T;

const WRITE_OPS: ReadonlyMap<number, OpReader<MultiOp>> = new Map<number, OpReader<MultiOp>>([
  [OpCode.create, (r) => ({ type: 'create', ...readCreateBody(r, 'create') })],
  [OpCode.create2, (r) => ({ type: 'create2', ...readCreateBody(r, 'create2') })],
  [
    OpCode.createContainer,
    (r) => ({ type: 'createContainer', ...readCreateBody(r, 'createContainer') }),
  ],
  [OpCode.createTTL, (r) => ({ type: 'createTTL', ...readCreateBody(r, 'createTTL') })],
  [OpCode.delete, (r) => ({ type: 'delete', ...readPathVersion(r) })],
  [OpCode.setData, (r) => ({ type: 'setData', ...readSetDataBody(r) })],
  [OpCode.check, (r) => ({ type: 'check', ...readPathVersion(r) })],
]);

// GetDataRequest and GetChildrenRequest carry a watch flag; ZooKeeper ignores it in multiRead.
const READ_OPS: ReadonlyMap<number, OpReader<ReadOp>> = new Map<number, OpReader<ReadOp>>([
  [OpCode.getData, (r) => ({ op: 'getData', path: readPathWatch(r).path })],
  [OpCode.getChildren, (r) => ({ op: 'getChildren', path: readPathWatch(r).path })],
]);

function opReader<T>(
  table: ReadonlyMap<number, OpReader<T>>,
  multi: string,
): (r: JuteReader, type: number) => T {
  return (r, type) => {
    const read = table.get(type);
    if (!read) throw new JuteError(`op type ${type} is not allowed in ${multi}`);
    return read(r);
  };
}

const readWriteOp = opReader(WRITE_OPS, 'multi');
const readReadOp = opReader(READ_OPS, 'multiRead');

/** The body of a multi (OpCode 14): writes only; ZooKeeper refuses mixing in reads. */
export function readMultiBody(r: JuteReader): MultiOp[] {
  return readMultiOps(r, (type) => readWriteOp(r, type));
}

/** The body of a multiRead (OpCode 22): getData and getChildren only. */
export function readMultiReadBody(r: JuteReader): ReadOp[] {
  return readMultiOps(r, (type) => readReadOp(r, type));
}

/** MultiResponse: (MultiHeader result)* then MultiHeader { -1, done, -1 }. */
export function writeMultiResponse(w: JuteWriter, results: readonly MultiResult[]): void {
  for (const res of results) {
    const type = OpCode[res.type];
    writeMultiHeader(w, type, false, res.type === 'error' ? res.err : 0);
    switch (res.type) {
      case 'create':
        writePathResponse(w, res.path);
        break;
      case 'create2':
        writeCreate2Response(w, res.path, res.stat);
        break;
      case 'delete':
      case 'check':
        break;
      case 'setData':
        writeStatResponse(w, res.stat);
        break;
      case 'getData':
        writeGetDataResponse(w, res.data, res.stat);
        break;
      case 'getChildren':
        writeStringListResponse(w, res.children);
        break;
      case 'error':
        writeErrorResponse(w, res.err);
        break;
    }
  }
  writeMultiHeader(w, -1, true, -1);
}
