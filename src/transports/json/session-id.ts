import { ZkError } from '../../core/zk-error';

/** Session ids travel as decimal strings (they are 64-bit); hex with 0x is accepted too. */
export function parseSessionId(value: unknown): bigint {
  if (typeof value === 'string' && /^(\d{1,20}|0x[0-9a-fA-F]{1,16})$/.test(value)) {
    const id = BigInt(value);
    if (id > 0n && id < 1n << 64n) return id;
  }
  throw ZkError.badArguments('sessionId must be a 64-bit id written as a decimal string');
}
