/* eslint-disable @typescript-eslint/no-require-imports -- node-zookeeper-client is untyped JS */

/** node-zookeeper-client's Stat: longs arrive as 8-byte big-endian buffers. */
export interface NzkStat {
  czxid: Buffer;
  mzxid: Buffer;
  pzxid: Buffer;
  ctime: Buffer;
  mtime: Buffer;
  version: number;
  cversion: number;
  aversion: number;
  ephemeralOwner: Buffer;
  dataLength: number;
  numChildren: number;
}

export interface NzkEvent {
  type: number;
  name: string;
  path: string;
  getType(): number;
  getName(): string;
  getPath(): string;
}

export interface NzkException extends Error {
  code: number;
  getCode(): number;
  getName(): string;
}

export interface NzkAcl {
  permission: number;
  id: { scheme: string; id: string };
}

type Callback<T> = (err: NzkException | null, value: T) => void;
type Watcher = (event: NzkEvent) => void;

interface NzkTransaction {
  create(path: string, data?: Buffer, acls?: NzkAcl[], mode?: number): NzkTransaction;
  check(path: string, version?: number): NzkTransaction;
  setData(path: string, data: Buffer | null, version?: number): NzkTransaction;
  remove(path: string, version?: number): NzkTransaction;
  commit(cb: Callback<Array<{ type: number; path?: string; stat?: NzkStat; err?: number }>>): void;
}

/** The parts of node-zookeeper-client's Client the tests use, with its callback signatures. */
export interface NzkRawClient {
  connect(): void;
  close(): void;
  once(event: string, listener: (...args: unknown[]) => void): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
  getSessionId(): Buffer;
  getSessionPassword(): Buffer;
  getSessionTimeout(): number;
  getState(): { name: string; code: number };
  addAuthInfo(scheme: string, auth: Buffer): void;
  create(
    path: string,
    data: Buffer | null,
    acls: NzkAcl[],
    mode: number,
    cb: Callback<string>,
  ): void;
  remove(path: string, version: number, cb: (err: NzkException | null) => void): void;
  exists(path: string, watcher: Watcher | undefined, cb: Callback<NzkStat | null>): void;
  getData(
    path: string,
    watcher: Watcher | undefined,
    cb: (err: NzkException | null, data: Buffer | undefined, stat: NzkStat) => void,
  ): void;
  setData(path: string, data: Buffer | null, version: number, cb: Callback<NzkStat>): void;
  getACL(path: string, cb: (err: NzkException | null, acls: NzkAcl[], stat: NzkStat) => void): void;
  setACL(path: string, acls: NzkAcl[], version: number, cb: Callback<NzkStat>): void;
  getChildren(
    path: string,
    watcher: Watcher | undefined,
    cb: (err: NzkException | null, children: string[], stat: NzkStat) => void,
  ): void;
  mkdirp(path: string, cb: Callback<string>): void;
  transaction(): NzkTransaction;
  connectionManager: { socket?: { destroy(): void } };
}

export interface NzkModule {
  createClient(
    connectString: string,
    opts?: {
      sessionTimeout?: number;
      spinDelay?: number;
      retries?: number;
      sessionId?: Buffer;
      sessionPassword?: Buffer;
    },
  ): NzkRawClient;
  ACL: { OPEN_ACL_UNSAFE: NzkAcl[]; READ_ACL_UNSAFE: NzkAcl[]; CREATOR_ALL_ACL: NzkAcl[] } & (new (
    perms: number,
    id: unknown,
  ) => NzkAcl);
  Id: new (scheme: string, id: string) => { scheme: string; id: string };
  Permission: Record<'READ' | 'WRITE' | 'CREATE' | 'DELETE' | 'ADMIN' | 'ALL', number>;
  CreateMode: Record<
    'PERSISTENT' | 'PERSISTENT_SEQUENTIAL' | 'EPHEMERAL' | 'EPHEMERAL_SEQUENTIAL',
    number
  >;
  Event: Record<
    'NODE_CREATED' | 'NODE_DELETED' | 'NODE_DATA_CHANGED' | 'NODE_CHILDREN_CHANGED',
    number
  >;
  Exception: Record<string, number>;
}

export const nzk = require('node-zookeeper-client') as NzkModule;

const open: ZkTestClient[] = [];

/** A 64-bit long from a node-zookeeper-client buffer. */
export const long = (b: Buffer): bigint => b.readBigInt64BE(0);

/** node-zookeeper-client with promises, for tests. */
export class ZkTestClient {
  constructor(readonly raw: NzkRawClient) {}

  get sessionId(): bigint {
    return long(this.raw.getSessionId());
  }

  create(
    path: string,
    data: Buffer | string | null = null,
    opts: { acl?: NzkAcl[]; mode?: number } = {},
  ): Promise<string> {
    return call<string>((cb) =>
      this.raw.create(
        path,
        typeof data === 'string' ? Buffer.from(data) : data,
        opts.acl ?? nzk.ACL.OPEN_ACL_UNSAFE,
        opts.mode ?? nzk.CreateMode.PERSISTENT,
        cb,
      ),
    );
  }

  remove(path: string, version = -1): Promise<void> {
    return new Promise((resolve, reject) =>
      this.raw.remove(path, version, (err) => (err ? reject(err) : resolve())),
    );
  }

  exists(path: string, watcher?: Watcher): Promise<NzkStat | null> {
    return call((cb) => this.raw.exists(path, watcher, cb));
  }

  getData(path: string, watcher?: Watcher): Promise<{ data: Buffer | undefined; stat: NzkStat }> {
    return new Promise((resolve, reject) =>
      this.raw.getData(path, watcher, (err, data, stat) =>
        err ? reject(err) : resolve({ data, stat }),
      ),
    );
  }

  setData(path: string, data: Buffer | string, version = -1): Promise<NzkStat> {
    return call((cb) =>
      this.raw.setData(path, typeof data === 'string' ? Buffer.from(data) : data, version, cb),
    );
  }

  getACL(path: string): Promise<{ acls: NzkAcl[]; stat: NzkStat }> {
    return new Promise((resolve, reject) =>
      this.raw.getACL(path, (err, acls, stat) => (err ? reject(err) : resolve({ acls, stat }))),
    );
  }

  setACL(path: string, acls: NzkAcl[], version = -1): Promise<NzkStat> {
    return call((cb) => this.raw.setACL(path, acls, version, cb));
  }

  getChildren(path: string, watcher?: Watcher): Promise<{ children: string[]; stat: NzkStat }> {
    return new Promise((resolve, reject) =>
      this.raw.getChildren(path, watcher, (err, children, stat) =>
        err ? reject(err) : resolve({ children, stat }),
      ),
    );
  }

  /** A transaction built by `build`, committed as one multi. */
  multi(
    build: (tx: NzkTransaction) => NzkTransaction,
  ): Promise<Array<{ type: number; path?: string; stat?: NzkStat; err?: number }>> {
    return call((cb) => build(this.raw.transaction()).commit(cb));
  }

  /** Drops the TCP connection without closing the session; the client reconnects by itself. */
  dropConnection(): void {
    this.raw.connectionManager.socket?.destroy();
  }

  /** Closes the session and waits until the connection is gone. */
  async close(): Promise<void> {
    const i = open.indexOf(this);
    if (i >= 0) open.splice(i, 1);
    const state = this.raw.getState().name;
    if (state === 'EXPIRED' || state === 'AUTH_FAILED') return;
    const gone = new Promise<void>((resolve) => this.raw.once('disconnected', () => resolve()));
    this.raw.close();
    await within(gone, 2000, 'disconnection').catch(() => undefined);
  }
}

function call<T>(fn: (cb: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Connects node-zookeeper-client and waits for SyncConnected. */
export async function connectZk(
  connectString: string,
  opts: { sessionTimeout?: number; sessionId?: Buffer; sessionPassword?: Buffer } = {},
): Promise<ZkTestClient> {
  const raw = nzk.createClient(connectString, { spinDelay: 50, retries: 0, ...opts });
  const client = new ZkTestClient(raw);
  open.push(client);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no connection to ${connectString}`)), 10_000);
    raw.once('connected', () => {
      clearTimeout(timer);
      resolve();
    });
    raw.once('expired', () => {
      clearTimeout(timer);
      reject(new Error('session expired'));
    });
    raw.connect();
  });
  return client;
}

/** Closes every client still open (afterAll). */
export async function closeZkClients(): Promise<void> {
  await Promise.all([...open].map((c) => c.close()));
}

/** The ZooKeeper error name a promise rejects with (e.g. 'NO_NODE'), or 'OK'. */
export async function zkErrorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (err) {
    const e = err as Partial<NzkException>;
    if (typeof e.getName === 'function') return e.getName();
    throw err;
  }
}

/** A watcher function and the first event it receives. */
export function watchOnce(): { watcher: Watcher; event: Promise<NzkEvent> } {
  let watcher: Watcher = () => undefined;
  const event = new Promise<NzkEvent>((resolve) => {
    watcher = resolve;
  });
  return { watcher: (e) => watcher(e), event };
}

/** Resolves with `p`, or rejects when it takes longer than `ms`. */
export async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}
