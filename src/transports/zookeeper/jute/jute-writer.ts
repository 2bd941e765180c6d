import { JuteError } from './jute-error';

const MIN_INT = -(2 ** 31);
const MAX_INT = 2 ** 31 - 1;
const MIN_LONG = -(1n << 63n);
const MAX_LONG = (1n << 63n) - 1n;
const LENGTH_PREFIX = 4;

/**
 * Writes Jute's binary encoding into a growing buffer. `JuteWriter.frame()` reserves the 4-byte
 * length prefix every packet on a ZooKeeper connection carries, filled in by `toBuffer()`.
 */
export class JuteWriter {
  private buf: Buffer;
  private length = 0;

  private constructor(
    capacity: number,
    private readonly framed: boolean,
  ) {
    this.buf = Buffer.allocUnsafe(Math.max(capacity, 16));
    if (framed) this.length = LENGTH_PREFIX;
  }

  /** A writer for one record (no length prefix). */
  static record(capacity = 128): JuteWriter {
    return new JuteWriter(capacity, false);
  }

  /** A writer for one length-prefixed packet. */
  static frame(capacity = 128): JuteWriter {
    return new JuteWriter(capacity + LENGTH_PREFIX, true);
  }

  writeInt(v: number): this {
    if (!Number.isInteger(v) || v < MIN_INT || v > MAX_INT) {
      throw new JuteError(`${v} is not a 32-bit int`);
    }
    this.reserve(4);
    this.length = this.buf.writeInt32BE(v, this.length);
    return this;
  }

  /** Zxids and times arrive as numbers from the core, session ids as bigint. */
  writeLong(v: bigint | number): this {
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new JuteError(`${v} is not a safe integer`);
      // Two 32-bit halves: no BigInt per long, and a Stat has six of them.
      const high = Math.floor(v / 2 ** 32);
      this.reserve(8);
      this.buf.writeInt32BE(high, this.length);
      this.length = this.buf.writeUInt32BE(v - high * 2 ** 32, this.length + 4);
      return this;
    }
    const big = v;
    if (big < MIN_LONG || big > MAX_LONG) throw new JuteError(`${big} is not a 64-bit long`);
    this.reserve(8);
    this.length = this.buf.writeBigInt64BE(big, this.length);
    return this;
  }

  writeBool(v: boolean): this {
    this.reserve(1);
    this.length = this.buf.writeUInt8(v ? 1 : 0, this.length);
    return this;
  }

  writeBuffer(v: Buffer | null): this {
    if (v === null) return this.writeInt(-1);
    this.writeInt(v.length);
    this.reserve(v.length);
    this.length += v.copy(this.buf, this.length);
    return this;
  }

  writeString(v: string | null): this {
    if (v === null) return this.writeInt(-1);
    const bytes = Buffer.byteLength(v, 'utf8');
    this.writeInt(bytes);
    this.reserve(bytes);
    this.length += this.buf.write(v, this.length, bytes, 'utf8');
    return this;
  }

  writeVector<T>(items: readonly T[] | null, writeItem: (w: JuteWriter, item: T) => void): this {
    if (items === null) return this.writeInt(-1);
    this.writeInt(items.length);
    for (const item of items) writeItem(this, item);
    return this;
  }

  /** Bytes written so far. */
  get byteLength(): number {
    return this.length;
  }

  /**
   * Starts a length-prefixed packet inside a record writer, so several packets can share one
   * buffer; returns where it starts, for `endFrame` (or `truncate` to drop it).
   */
  beginFrame(): number {
    const at = this.length;
    this.reserve(LENGTH_PREFIX);
    this.length += LENGTH_PREFIX;
    return at;
  }

  endFrame(at: number): this {
    this.buf.writeInt32BE(this.length - at - LENGTH_PREFIX, at);
    return this;
  }

  /** Forgets everything written from `at` on. */
  truncate(at: number): this {
    this.length = Math.min(this.length, at);
    return this;
  }

  /** The bytes written; for a frame, with its length prefix filled in. */
  toBuffer(): Buffer {
    if (this.framed) this.buf.writeInt32BE(this.length - LENGTH_PREFIX, 0);
    return this.buf.subarray(0, this.length);
  }

  private reserve(bytes: number): void {
    const needed = this.length + bytes;
    if (needed <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(needed, this.buf.length * 2));
    this.buf.copy(grown, 0, 0, this.length);
    this.buf = grown;
  }
}
