import { OPEN_ACL_UNSAFE } from '../../core/acl';
import type { OpResult, WriteOp } from '../../core/write-request';
import { ZkError } from '../../core/zk-error';
import { CREATE_MODES, type CreateMode } from '../../core/znode';
import type { OpResultJson } from '../../protocol/wire/write-op-json';
import { aclFromJson } from './acl-json';
import { decodeData } from './data-encoding';
import { statToJson } from './stat-json';

export function parseCreateMode(mode: unknown): CreateMode {
  if (mode === undefined || mode === null) return 'persistent';
  if (CREATE_MODES.includes(mode as CreateMode)) return mode as CreateMode;
  throw ZkError.badArguments(`mode must be one of ${CREATE_MODES.join(', ')}`);
}

export function parseVersion(version: unknown): number {
  if (version === undefined || version === null || version === '') return -1;
  const n = typeof version === 'string' ? Number(version) : version;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < -1 || n > 0x7fffffff) {
    throw ZkError.badArguments('version must be an integer >= -1');
  }
  return n;
}

export function parseTtl(ttlMs: unknown): number | undefined {
  if (ttlMs === undefined || ttlMs === null) return undefined;
  if (typeof ttlMs !== 'number' || !Number.isInteger(ttlMs)) {
    throw ZkError.badArguments('ttlMs must be an integer number of milliseconds');
  }
  return ttlMs;
}

export function parsePath(path: unknown): string {
  if (typeof path !== 'string') throw ZkError.badArguments('path must be a string');
  return path;
}

export function writeOpFromJson(value: unknown): WriteOp {
  const v = (value ?? {}) as Record<string, unknown>;
  const path = parsePath(v.path);
  switch (v.op) {
    case 'create':
      return {
        op: 'create',
        path,
        data: decodeData(v.data, v.encoding),
        acl: v.acl === undefined ? [...OPEN_ACL_UNSAFE] : aclFromJson(v.acl),
        mode: parseCreateMode(v.mode),
        ttlMs: parseTtl(v.ttlMs),
      };
    case 'delete':
      return { op: 'delete', path, version: parseVersion(v.version) };
    case 'setData':
      return {
        op: 'setData',
        path,
        data: decodeData(v.data, v.encoding),
        version: parseVersion(v.version),
      };
    case 'check':
      return { op: 'check', path, version: parseVersion(v.version) };
    default:
      throw ZkError.badArguments('op must be one of create, delete, setData, check');
  }
}

export function writeOpsFromJson(ops: unknown, maxOps: number): WriteOp[] {
  if (!Array.isArray(ops)) throw ZkError.badArguments('ops must be a list');
  if (ops.length > maxOps) throw ZkError.badArguments(`a multi holds at most ${maxOps} ops`);
  return ops.map(writeOpFromJson);
}

export function opResultToJson(result: OpResult): OpResultJson {
  switch (result.op) {
    case 'create':
      return { op: 'create', path: result.path, stat: statToJson(result.stat) };
    case 'setData':
    case 'setACL':
      return { op: result.op, stat: statToJson(result.stat) };
    case 'delete':
    case 'check':
    case 'deleteContainer':
      return { op: result.op };
  }
}
