import type { Settings } from '../../server/settings';
import { type FourLetterWord, fourLetterWordOf } from './four-letter-words';

const LENGTH_PREFIX = 4;
/** ZooKeeper's default jute.maxbuffer. */
export const DEFAULT_MAX_FRAME_BYTES = 0xfffff;

/** What a connection's byte stream yields: a packet body, or a four-letter word instead. */
export type Frame = { kind: 'packet'; body: Buffer } | { kind: 'command'; word: FourLetterWord };

/** A length prefix the connection cannot honour; close it (ZooKeeper's "Len error"). */
export class FrameError extends Error {
  override readonly name = 'FrameError';

  constructor(
    readonly reason: 'negative-length' | 'too-large',
    readonly length: number,
    readonly maxFrameBytes: number,
  ) {
    super(
      reason === 'negative-length'
        ? `negative frame length ${length}`
        : `frame length ${length} exceeds the limit of ${maxFrameBytes} bytes`,
    );
  }
}

export interface FrameDecoderOptions {
  /** jute.maxbuffer: the largest packet body accepted. */
  maxFrameBytes?: number;
  /** Read a four-letter word from the first 4 bytes, as ZooKeeper does before the handshake. */
  fourLetterWords?: boolean;
}

/**
 * Splits a TCP byte stream into length-prefixed packets (int length, then that many bytes).
 * It holds at most one incomplete packet, never more than the limit; a bad length throws a
 * FrameError and every later push throws it again. After a four-letter word it yields nothing:
 * the connection answers it and closes.
 */
export class FrameDecoder {
  readonly maxFrameBytes: number;
  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  /** The body length of the packet being read, once its prefix has arrived. */
  private expected: number | undefined;
  private awaitingFirst: boolean;
  private stopped = false;
  private failure: FrameError | undefined;

  constructor(opts: FrameDecoderOptions = {}) {
    this.maxFrameBytes = opts.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    this.awaitingFirst = opts.fourLetterWords ?? false;
  }

  static fromSettings(
    settings: Pick<Settings, 'juteMaxBuffer'>,
    opts: Omit<FrameDecoderOptions, 'maxFrameBytes'> = {},
  ): FrameDecoder {
    return new FrameDecoder({ ...opts, maxFrameBytes: settings.juteMaxBuffer });
  }

  /** Bytes received and not yet yielded. */
  get bufferedBytes(): number {
    return this.buffered;
  }

  push(chunk: Buffer): Frame[] {
    if (this.failure) throw this.failure;
    if (this.stopped || chunk.length === 0) return [];
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Frame[] = [];
    for (;;) {
      if (this.expected === undefined) {
        if (this.buffered < LENGTH_PREFIX) return frames;
        const length = this.take(LENGTH_PREFIX).readInt32BE(0);
        const word = this.awaitingFirst ? fourLetterWordOf(length) : undefined;
        this.awaitingFirst = false;
        if (word) {
          this.stop();
          frames.push({ kind: 'command', word });
          return frames;
        }
        this.expected = this.check(length);
      }
      if (this.buffered < this.expected) return frames;
      frames.push({ kind: 'packet', body: this.take(this.expected) });
      this.expected = undefined;
    }
  }

  private check(length: number): number {
    if (length >= 0 && length <= this.maxFrameBytes) return length;
    this.failure = new FrameError(
      length < 0 ? 'negative-length' : 'too-large',
      length,
      this.maxFrameBytes,
    );
    this.stop();
    throw this.failure;
  }

  private stop(): void {
    this.stopped = true;
    this.chunks.length = 0;
    this.buffered = 0;
  }

  /** Removes n buffered bytes; whole-chunk reads are not copied. */
  private take(n: number): Buffer {
    this.buffered -= n;
    const first = this.chunks[0];
    if (first && first.length >= n) {
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const head = this.chunks[0];
      if (!head) throw new Error('FrameDecoder: buffered count out of step');
      const used = Math.min(head.length, n - filled);
      head.copy(out, filled, 0, used);
      filled += used;
      if (used === head.length) this.chunks.shift();
      else this.chunks[0] = head.subarray(used);
    }
    return out;
  }
}
