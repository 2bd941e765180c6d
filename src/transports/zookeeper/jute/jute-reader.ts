import { JuteError } from './jute-error';

const INT_BYTES = 4;
const LONG_BYTES = 8;

/**
 * Reads Jute's binary encoding (Java DataOutput, big-endian) from one complete frame. Every
 * length is checked against the bytes left, so truncated or hostile input throws a JuteError
 * instead of reading past the end or allocating what the sender claims.
 */
export class JuteReader {
  private offset = 0;

  constructor(private readonly buf: Buffer) {}

  get remaining(): number {
    return this.buf.length - this.offset;
  }

  readInt(): number {
    this.need(INT_BYTES, 'int');
    const v = this.buf.readInt32BE(this.offset);
    this.offset += INT_BYTES;
    return v;
  }

  readLong(): bigint {
    this.need(LONG_BYTES, 'long');
    const v = this.buf.readBigInt64BE(this.offset);
    this.offset += LONG_BYTES;
    return v;
  }

  /** A long the core keeps as a number (zxids, times, TTLs): it must be a safe integer. */
  readLongAsNumber(field: string): number {
    const v = this.readLong();
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new JuteError(`${field} ${v} is out of range`);
    }
    return Number(v);
  }

  /** Java's readBoolean: any non-zero byte is true. */
  readBool(): boolean {
    this.need(1, 'boolean');
    return this.buf[this.offset++] !== 0;
  }

  /** A length-prefixed byte array; -1 is null. The bytes are copied so no frame is retained. */
  readBuffer(): Buffer | null {
    const len = this.readLength('buffer');
    if (len === null) return null;
    const out = Buffer.from(this.buf.subarray(this.offset, this.offset + len));
    this.offset += len;
    return out;
  }

  /** A length-prefixed UTF-8 string; -1 is null. */
  readString(): string | null {
    const len = this.readLength('ustring');
    if (len === null) return null;
    const s = this.buf.toString('utf8', this.offset, this.offset + len);
    this.offset += len;
    return s;
  }

  /** A counted vector; -1 is null. */
  readVector<T>(readItem: (r: JuteReader) => T): T[] | null {
    const count = this.readInt();
    if (count === -1) return null;
    // Every element takes at least one byte: a larger count is a lie, refused before looping.
    if (count < 0 || count > this.remaining) {
      throw new JuteError(`vector count ${count} with ${this.remaining} bytes left`);
    }
    const items: T[] = [];
    for (let i = 0; i < count; i++) items.push(readItem(this));
    return items;
  }

  private readLength(what: string): number | null {
    const len = this.readInt();
    if (len === -1) return null;
    if (len < 0) throw new JuteError(`negative ${what} length ${len}`);
    this.need(len, what);
    return len;
  }

  private need(bytes: number, what: string): void {
    if (bytes > this.remaining) {
      throw new JuteError(`truncated ${what}: need ${bytes} bytes, ${this.remaining} left`);
    }
  }
}
