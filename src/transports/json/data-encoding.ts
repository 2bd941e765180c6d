import { ZkError } from '../../core/zk-error';
import type { DataEncoding } from '../../protocol/wire/data-encoding';

export function isDataEncoding(value: unknown): value is DataEncoding {
  return value === 'utf8' || value === 'base64';
}

/** Node data as a JSON client sends it: a string in the named encoding, or raw bytes. */
export function decodeData(data: unknown, encoding: unknown = 'utf8'): Buffer {
  if (data === undefined || data === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (typeof data !== 'string') throw ZkError.badArguments('data must be a string');
  if (!isDataEncoding(encoding)) throw ZkError.badArguments('encoding must be "utf8" or "base64"');
  if (encoding === 'base64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
    throw ZkError.badArguments('data is not valid base64');
  }
  return Buffer.from(data, encoding);
}

export function encodeData(data: Buffer, encoding: DataEncoding = 'utf8'): string {
  return data.toString(encoding);
}
