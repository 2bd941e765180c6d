import { connect, type Socket } from 'node:net';

// A byte-level ZooKeeper client for tests, written from the jute definitions and independent of
// the server's codec (only the op numbers are the server's OpCode, which op-code.spec checks
// against ZooDefs): it sends what real clients send, and anything else a test wants.

export const int = (v: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(v);
  return b;
};
export const long = (v: bigint | number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(v));
  return b;
};
export const bool = (v: boolean): Buffer => Buffer.from([v ? 1 : 0]);
export const ustring = (s: string | null): Buffer =>
  s === null ? int(-1) : Buffer.concat([int(Buffer.byteLength(s)), Buffer.from(s)]);
export const buffer = (b: Buffer | null): Buffer =>
  b === null ? int(-1) : Buffer.concat([int(b.length), b]);
export const vector = (items: Buffer[]): Buffer => Buffer.concat([int(items.length), ...items]);
/** A length-prefixed packet. */
export const frame = (...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  return Buffer.concat([int(body.length), body]);
};

export const OPEN_ACL = vector([Buffer.concat([int(31), ustring('world'), ustring('anyone')])]);

/** A request packet: RequestHeader { xid, type } and the body's fields. */
export const request = (xid: number, op: number, ...body: Buffer[]): Buffer =>
  frame(int(xid), int(op), ...body);

export const createBody = (path: string, data: string | null, flags = 0): Buffer[] => [
  ustring(path),
  buffer(data === null ? null : Buffer.from(data)),
  OPEN_ACL,
  int(flags),
];

/** A MultiHeader { type, done, err } followed by the op's body. */
export const multiOp = (type: number, ...body: Buffer[]): Buffer =>
  Buffer.concat([int(type), bool(false), int(-1), ...body]);
export const multiEnd = (): Buffer => Buffer.concat([int(-1), bool(true), int(-1)]);

export interface ConnectOptions {
  lastZxidSeen?: bigint | number;
  timeoutMs?: number;
  sessionId?: bigint;
  password?: Buffer;
  /** Omit to send a pre-3.4 ConnectRequest, as node-zookeeper-client does. */
  readOnly?: boolean;
}

export const connectRequest = (o: ConnectOptions = {}): Buffer =>
  frame(
    int(0),
    long(o.lastZxidSeen ?? 0),
    int(o.timeoutMs ?? 30_000),
    long(o.sessionId ?? 0n),
    buffer(o.password ?? Buffer.alloc(16)),
    ...(o.readOnly === undefined ? [] : [bool(o.readOnly)]),
  );

/** Reads jute values from a frame body. */
export class Reader {
  offset = 0;
  constructor(readonly buf: Buffer) {}
  int(): number {
    const v = this.buf.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }
  long(): bigint {
    const v = this.buf.readBigInt64BE(this.offset);
    this.offset += 8;
    return v;
  }
  bool(): boolean {
    return this.buf[this.offset++] !== 0;
  }
  buffer(): Buffer | null {
    const n = this.int();
    if (n < 0) return null;
    const v = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return v;
  }
  ustring(): string | null {
    return this.buffer()?.toString() ?? null;
  }
  strings(): string[] {
    const n = this.int();
    return Array.from({ length: Math.max(n, 0) }, () => this.ustring() ?? '');
  }
  /** Stat: czxid, mzxid, ctime, mtime, version, cversion, aversion, owner, length, children, pzxid. */
  stat(): {
    mzxid: bigint;
    version: number;
    cversion: number;
    ephemeralOwner: bigint;
    dataLength: number;
    numChildren: number;
  } {
    this.long();
    const mzxid = this.long();
    this.long();
    this.long();
    const version = this.int();
    const cversion = this.int();
    this.int();
    const ephemeralOwner = this.long();
    const dataLength = this.int();
    const numChildren = this.int();
    this.long();
    return { mzxid, version, cversion, ephemeralOwner, dataLength, numChildren };
  }
  get remaining(): number {
    return this.buf.length - this.offset;
  }
}

export interface Reply {
  xid: number;
  zxid: bigint;
  err: number;
  body: Reader;
}

export const parseReply = (f: Buffer): Reply => {
  const r = new Reader(f);
  return { xid: r.int(), zxid: r.long(), err: r.int(), body: r };
};

export interface ConnectResponse {
  timeoutMs: number;
  sessionId: bigint;
  password: Buffer;
  /** undefined when the server left the flag out (it echoes the request's form). */
  readOnly: boolean | undefined;
}

export const parseConnectResponse = (f: Buffer): ConnectResponse => {
  const r = new Reader(f);
  r.int(); // protocolVersion
  const timeoutMs = r.int();
  const sessionId = r.long();
  const password = Buffer.from(r.buffer() ?? Buffer.alloc(0));
  return { timeoutMs, sessionId, password, readOnly: r.remaining > 0 ? r.bool() : undefined };
};

const live = new Set<WireConnection>();

/** One raw TCP connection: send bytes, await frames, see it close. */
export class WireConnection {
  private frames: Buffer[] = [];
  private pending = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  private ended = false;
  readonly closed: Promise<void>;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.pending = Buffer.concat([this.pending, chunk]);
      while (this.pending.length >= 4) {
        const n = this.pending.readInt32BE(0);
        if (this.pending.length < 4 + n) break;
        this.frames.push(this.pending.subarray(4, 4 + n));
        this.pending = this.pending.subarray(4 + n);
      }
      this.wake();
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        this.ended = true;
        live.delete(this);
        this.wake();
        resolve();
      }),
    );
  }

  static open(port: number): Promise<WireConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        const conn = new WireConnection(socket);
        live.add(conn);
        resolve(conn);
      });
    });
  }

  get isClosed(): boolean {
    return this.ended;
  }

  send(...packets: Buffer[]): void {
    if (!this.socket.destroyed) this.socket.write(Buffer.concat(packets));
  }

  /** The next frame's body, or 'closed' when the server hung up first. */
  async next(ms = 3000): Promise<Buffer | 'closed'> {
    const deadline = Date.now() + ms;
    for (;;) {
      const f = this.frames.shift();
      if (f) return f;
      if (this.ended) return 'closed';
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no frame within ${ms} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The next frame as a reply; fails if the connection closed instead. */
  async reply(ms = 3000): Promise<Reply> {
    const f = await this.next(ms);
    if (f === 'closed') throw new Error('connection closed instead of a reply');
    return parseReply(f);
  }

  /** Everything the server sends until it closes (e.g. a four-letter word's answer). */
  async text(ms = 3000): Promise<string> {
    const chunks: Buffer[] = [];
    this.socket.removeAllListeners('data');
    this.socket.on('data', (c: Buffer) => chunks.push(c));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.closed, new Promise((r) => (timer = setTimeout(r, ms)))]);
    clearTimeout(timer);
    return Buffer.concat([this.pending, ...chunks]).toString();
  }

  /** Resolves true once the server closes the connection, false if it stays open for `ms`. */
  async closesWithin(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const open = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)));
    const result = await Promise.race([this.closed.then(() => true), open]);
    clearTimeout(timer);
    return result;
  }

  close(): void {
    this.socket.destroy();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}

/** A connection with an open session (readOnly flag sent, as current clients do). */
export async function session(
  port: number,
  o: ConnectOptions = {},
): Promise<{ conn: WireConnection; res: ConnectResponse }> {
  const conn = await WireConnection.open(port);
  conn.send(connectRequest({ readOnly: false, ...o }));
  const f = await conn.next();
  if (f === 'closed') throw new Error('session refused');
  return { conn, res: parseConnectResponse(f) };
}

/** Sends one request and awaits its reply (no other traffic expected in between). */
export async function ask(conn: WireConnection, packet: Buffer): Promise<Reply> {
  conn.send(packet);
  return conn.reply();
}

/** Sends a four-letter word on a fresh connection and returns the answer. */
export async function fourLetterWord(port: number, word: string): Promise<string> {
  const conn = await WireConnection.open(port);
  conn.send(Buffer.from(word, 'latin1'));
  return conn.text();
}

export function closeWireConnections(): void {
  for (const c of live) c.close();
}
