/** Bytes per shared chunk; values larger than LARGE_VALUE get a chunk of their own. */
const CHUNK_BYTES = 4 * 1024 * 1024;
const LARGE_VALUE = 64 * 1024;
/** A full chunk whose live bytes fall below this share is emptied into the newest one. */
const EVACUATE_BELOW = 0.5;
const NO_CHUNK = -1;
const EMPTY = Buffer.alloc(0);

interface Chunk {
  bytes: Buffer;
  /** Bytes of it still referenced by some id. */
  live: number;
}

/**
 * The data of every node, packed into a few large chunks instead of one Buffer per node: an id
 * owns `length` bytes at `offset` of chunk `chunkOf[id]`. Stored bytes never change; replacing
 * an id's value appends the new one, and chunks left mostly unreferenced are evacuated, so a
 * view handed out by `get` stays valid for as long as its holder keeps it.
 */
export class DataSlabs {
  private chunks: Array<Chunk | undefined> = [];
  /** Index of the chunk appended to, or NO_CHUNK before the first value. */
  private current = NO_CHUNK;
  /** Free bytes at the end of the current chunk start here. */
  private used = 0;
  private chunkOf: Int32Array;
  private offsetOf: Uint32Array;
  private lengthOf: Uint32Array;
  private totalBytes = 0;

  constructor(capacity: number) {
    this.chunkOf = new Int32Array(capacity).fill(NO_CHUNK);
    this.offsetOf = new Uint32Array(capacity);
    this.lengthOf = new Uint32Array(capacity);
  }

  /** Bytes of every stored value. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** Makes room for ids below `capacity`. */
  grow(capacity: number): void {
    const chunkOf = new Int32Array(capacity).fill(NO_CHUNK);
    chunkOf.set(this.chunkOf);
    this.chunkOf = chunkOf;
    this.offsetOf = grown(this.offsetOf, capacity);
    this.lengthOf = grown(this.lengthOf, capacity);
  }

  length(id: number): number {
    return this.lengthOf[id] ?? 0;
  }

  /** The id's bytes, as a view that stays valid after the id changes. */
  get(id: number): Buffer {
    const chunk = this.chunks[this.chunkOf[id] ?? NO_CHUNK];
    if (!chunk) return EMPTY;
    const offset = this.offsetOf[id] as number;
    return chunk.bytes.subarray(offset, offset + (this.lengthOf[id] as number));
  }

  /** Stores a copy of `value` as the id's bytes, in place of any it had. */
  set(id: number, value: Uint8Array): void {
    this.clear(id);
    if (value.length === 0) return;
    const chunk =
      value.length > LARGE_VALUE ? this.ownChunk(value.length) : this.room(value.length);
    const target = this.chunks[chunk] as Chunk;
    const offset = chunk === this.current ? this.used : 0;
    target.bytes.set(value, offset);
    target.live += value.length;
    if (chunk === this.current) this.used += value.length;
    this.chunkOf[id] = chunk;
    this.offsetOf[id] = offset;
    this.lengthOf[id] = value.length;
    this.totalBytes += value.length;
  }

  /** Drops the id's bytes. */
  clear(id: number): void {
    const index = this.chunkOf[id] ?? NO_CHUNK;
    if (index === NO_CHUNK) return;
    const length = this.lengthOf[id] as number;
    this.chunkOf[id] = NO_CHUNK;
    this.lengthOf[id] = 0;
    this.totalBytes -= length;
    const chunk = this.chunks[index] as Chunk;
    chunk.live -= length;
    if (index === this.current) return;
    if (chunk.live === 0) this.chunks[index] = undefined;
    else if (chunk.live < chunk.bytes.length * EVACUATE_BELOW) this.evacuate(index);
  }

  /** A chunk with `length` free bytes at `used`: the current one, or a new current one. */
  private room(length: number): number {
    const current = this.chunks[this.current];
    if (current && this.used + length <= current.bytes.length) return this.current;
    const previous = this.current;
    this.current = this.slot({ bytes: Buffer.allocUnsafeSlow(CHUNK_BYTES), live: 0 });
    this.used = 0;
    // The chunk just left behind may already be mostly garbage.
    const left = this.chunks[previous];
    if (left && left.live < left.bytes.length * EVACUATE_BELOW) {
      if (left.live === 0) this.chunks[previous] = undefined;
      else this.evacuate(previous);
    }
    return this.current;
  }

  private ownChunk(length: number): number {
    return this.slot({ bytes: Buffer.allocUnsafeSlow(length), live: 0 });
  }

  private slot(chunk: Chunk): number {
    const free = this.chunks.indexOf(undefined);
    if (free >= 0) {
      this.chunks[free] = chunk;
      return free;
    }
    return this.chunks.push(chunk) - 1;
  }

  /** Moves the live values of a chunk into the current one, so the old chunk can go. */
  private evacuate(index: number): void {
    const chunk = this.chunks[index] as Chunk;
    this.chunks[index] = undefined;
    for (let id = 0; id < this.chunkOf.length; id++) {
      if (this.chunkOf[id] !== index) continue;
      const offset = this.offsetOf[id] as number;
      const value = chunk.bytes.subarray(offset, offset + (this.lengthOf[id] as number));
      // Not counted as cleared: the chunk is already out of the table.
      this.chunkOf[id] = NO_CHUNK;
      this.totalBytes -= value.length;
      this.set(id, value);
    }
  }
}

function grown(array: Uint32Array, capacity: number): Uint32Array {
  const next = new Uint32Array(capacity);
  next.set(array);
  return next;
}
