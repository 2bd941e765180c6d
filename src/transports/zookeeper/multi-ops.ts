import type { ReadResult } from '../../core/coordinator-types';
import type { OpResult, WriteOp } from '../../core/write-request';
import { isZkError } from '../../core/zk-error';
import type { MultiOp } from './jute/requests';
import type { MultiResult } from './jute/responses';
import { wireCode, wireCodeOf } from './wire-error';

/** A multi's ops as the core's write ops; every create kind is a create with its mode. */
export function writeOpsOf(ops: readonly MultiOp[]): WriteOp[] {
  return ops.map((op): WriteOp => {
    switch (op.type) {
      case 'create':
      case 'create2':
      case 'createContainer':
      case 'createTTL':
        return {
          op: 'create',
          path: op.path,
          data: op.data,
          acl: op.acl,
          mode: op.mode,
          ttlMs: op.ttlMs,
        };
      case 'delete':
        return { op: 'delete', path: op.path, version: op.version };
      case 'setData':
        return { op: 'setData', path: op.path, data: op.data, version: op.version };
      case 'check':
        return { op: 'check', path: op.path, version: op.version };
    }
  });
}

/** The MultiResponse of a committed multi; createTTL and createContainer answer as create2. */
export function multiResultsOf(
  ops: readonly MultiOp[],
  results: readonly OpResult[],
): MultiResult[] {
  return results.map((res, i): MultiResult => {
    switch (res.op) {
      case 'create':
        return ops[i]?.type === 'create'
          ? { type: 'create', path: res.path }
          : { type: 'create2', path: res.path, stat: res.stat };
      case 'delete':
      case 'deleteContainer':
        return { type: 'delete' };
      case 'setData':
        return { type: 'setData', stat: res.stat };
      case 'check':
      case 'setACL':
        return { type: 'check' };
    }
  });
}

/**
 * A failed multi answers with header err 0 and one error result per op (0 before the failing
 * one, its code, then RuntimeInconsistency), as ZooKeeper does; undefined when `err` is not a
 * multi's failure and the whole request should fail instead.
 */
export function failedMultiResults(err: unknown): MultiResult[] | undefined {
  if (!isZkError(err) || !err.multi) return undefined;
  return err.multi.codes.map((code) => ({ type: 'error', err: wireCode(code) }));
}

export function multiReadResultsOf(results: readonly ReadResult[]): MultiResult[] {
  return results.map((res): MultiResult => {
    switch (res.op) {
      case 'getData':
        return { type: 'getData', data: res.data, stat: res.stat };
      case 'getChildren':
        return { type: 'getChildren', children: res.children };
      case 'error':
        return { type: 'error', err: wireCodeOf(res.error) };
    }
  });
}
