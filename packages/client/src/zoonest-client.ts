import { ClientCore } from './client-core';
import type { ResolvedOptions, ZoonestClientOptions } from './client-options';
import { resolveOptions } from './client-options';
import type { Acl } from './acl';
import { AsyncQueue } from './async-queue';
import type { ConnectionState } from './connection-state';
import { ErrorCode } from './error-code';
import { fromWire, toWire, type NodeDataInput } from './data-codec';
import { PersistentWatch, watchedEventOf, type AddWatchOptions } from './persistent-watch';
import type { Stat } from './stat';
import type { SubscribeOptions, Subscription, SubscriptionHandlers } from './subscription';
import { createOp, Transaction, type CreateOptions, type VersionOptions } from './transaction';
import { TypedEmitter } from './typed-emitter';
import type { Watcher } from './watched-event';
import { WatchStream } from './watch-stream';
import { isZoonestError, ZoonestError } from './zoonest-error';
import { ancestorsOf, parentOf } from './znode-path';

export interface ReadOptions {
  /** A one-shot watch: called once, on the next change (ZooKeeper's watch). */
  watch?: Watcher;
}

export interface GetDataOptions extends ReadOptions {
  /** 'utf8' returns the data as a string; default: bytes. */
  encoding?: 'binary' | 'utf8';
}

export interface CreateNodeOptions extends CreateOptions {
  /** Create missing parents first, as persistent nodes (Curator's creatingParentsIfNeeded). */
  createParents?: boolean;
}

export interface NodeData<D = Uint8Array> {
  data: D;
  stat: Stat;
}

export type MultiReadResult =
  | { op: 'getData'; data: Uint8Array; stat: Stat }
  | { op: 'getChildren'; children: string[] }
  | { op: 'error'; error: ZoonestError };

export interface ClientEvents {
  state: (state: ConnectionState) => void;
}

const READ = { idempotent: true };

/**
 * The Zoonest client: one session over Socket.IO, kept alive and resumed across reconnects,
 * with ZooKeeper's operations, watches, subscriptions and Curator's recipes on top.
 *
 *   const client = await ZoonestClient.connect({ servers: ['http://127.0.0.1:8080'] });
 */
export class ZoonestClient extends TypedEmitter<ClientEvents> {
  readonly options: ResolvedOptions;
  private readonly core: ClientCore;
  private readonly stateStreams = new Set<AsyncQueue<ConnectionState>>();
  private started: Promise<void> | undefined;

  constructor(options: ZoonestClientOptions) {
    super();
    this.options = resolveOptions(options);
    this.core = new ClientCore(this.options, {
      state: (state) => {
        for (const queue of this.stateStreams) queue.push(state);
        this.emit('state', state);
      },
      closed: () => {
        for (const queue of this.stateStreams) queue.end();
        this.stateStreams.clear();
      },
    });
  }

  /** Connects and resolves once the session is open (and `auth` proven). */
  static async connect(options: ZoonestClientOptions): Promise<ZoonestClient> {
    const client = new ZoonestClient(options);
    await client.start();
    return client;
  }

  start(): Promise<void> {
    this.started ??= (async () => {
      try {
        await this.core.connection.start();
        await this.core.authRound;
      } catch (err) {
        await this.close();
        throw err;
      }
    })();
    return this.started;
  }

  /** Closes the session (its ephemerals go at once) and ends every stream and cache feed. */
  async close(): Promise<void> {
    await this.core.connection.close();
  }

  get state(): ConnectionState {
    return this.core.connection.state;
  }

  /** The session id (a decimal string, as Stat's ephemeralOwner); changes with a new session. */
  get sessionId(): string | undefined {
    return this.core.connection.sessionId;
  }

  /** The session timeout the server granted. */
  get sessionTimeoutMs(): number {
    return this.core.connection.sessionTimeoutMs;
  }

  /** The newest zxid this client has seen. */
  get lastZxid(): number {
    return this.core.zxids.last;
  }

  /** The server in use, or tried next. */
  get serverUrl(): string {
    return this.core.connection.serverUrl;
  }

  /** Connection states as they happen, until the client closes. */
  states(): AsyncIterableIterator<ConnectionState> {
    const queue: AsyncQueue<ConnectionState> = new AsyncQueue(() =>
      this.stateStreams.delete(queue),
    );
    if (this.state === 'closed') queue.end();
    else this.stateStreams.add(queue);
    return queue;
  }

  // ---- writes ---------------------------------------------------------------------------

  /**
   * Creates a node and returns its path (with the suffix, for sequential modes); with
   * `includeStat`, also its Stat. `createParents` creates missing parents as persistent nodes.
   */
  create(
    path: string,
    data?: NodeDataInput,
    opts?: CreateNodeOptions & { includeStat?: false },
  ): Promise<string>;
  create(
    path: string,
    data: NodeDataInput | undefined,
    opts: CreateNodeOptions & { includeStat: true },
  ): Promise<{ path: string; stat: Stat }>;
  async create(
    path: string,
    data?: NodeDataInput,
    opts: CreateNodeOptions & { includeStat?: boolean } = {},
  ): Promise<string | { path: string; stat: Stat }> {
    const send = () => this.core.pipeline.request('create', createOp(path, data, opts));
    let reply;
    try {
      reply = await send();
    } catch (err) {
      if (!opts.createParents || !isZoonestError(err, 'NoNode')) throw err;
      await this.ensurePath(parentOf(path));
      reply = await send();
    }
    return opts.includeStat ? { path: reply.path, stat: reply.stat } : reply.path;
  }

  /** Creates the path and any missing parents as persistent nodes (kazoo's ensure_path). */
  async ensurePath(path: string): Promise<void> {
    const prefixes = ancestorsOf(path);
    if (path !== '/') prefixes.push(path);
    await Promise.all(
      prefixes.map((p) =>
        this.core.pipeline.request('create', createOp(p, undefined)).catch((err: unknown) => {
          if (!isZoonestError(err, 'NodeExists')) throw err;
        }),
      ),
    );
  }

  async setData(path: string, data: NodeDataInput, opts: VersionOptions = {}): Promise<Stat> {
    const reply = await this.core.pipeline.request('setData', {
      path,
      ...toWire(data),
      version: opts.version ?? -1,
    });
    return reply.stat;
  }

  /** Deletes a node (at a version), or with `recursive` it and everything below, at once. */
  async delete(path: string, opts: VersionOptions & { recursive?: boolean } = {}): Promise<void> {
    await this.core.pipeline.request('delete', {
      path,
      version: opts.version ?? -1,
      ...(opts.recursive && { recursive: true }),
    });
  }

  async setACL(path: string, acl: readonly Acl[], opts: VersionOptions = {}): Promise<Stat> {
    const reply = await this.core.pipeline.request('setACL', {
      path,
      acl: [...acl],
      version: opts.version ?? -1,
    });
    return reply.stat;
  }

  transaction(): Transaction {
    return new Transaction(async (ops) => {
      if (ops.length === 0) return [];
      return (await this.core.pipeline.request('multi', { ops })).results;
    });
  }

  /** Waits until the server has applied every write queued before it (ZooKeeper's sync). */
  async sync(path = '/'): Promise<void> {
    await this.core.pipeline.request('sync', { path }, READ);
  }

  /** Proves an identity for this session and every later one of this client. */
  async addAuth(scheme: string, credentials: string): Promise<void> {
    await this.core.pipeline.request('addAuth', { scheme, credentials });
    if (!this.core.auth.some((a) => a.scheme === scheme && a.credentials === credentials)) {
      this.core.auth.push({ scheme, credentials });
    }
  }

  // ---- reads ----------------------------------------------------------------------------

  getData(path: string, opts?: GetDataOptions & { encoding?: 'binary' }): Promise<NodeData>;
  getData(path: string, opts: GetDataOptions & { encoding: 'utf8' }): Promise<NodeData<string>>;
  async getData(path: string, opts: GetDataOptions = {}): Promise<NodeData<Uint8Array | string>> {
    const utf8 = opts.encoding === 'utf8';
    const reply = await this.core.watched(
      path,
      'data',
      opts.watch,
      (watch) =>
        this.core.pipeline.request(
          'getData',
          { path, encoding: utf8 ? 'utf8' : 'base64', ...(watch && { watch }) },
          READ,
        ),
      (r) => r.stat,
    );
    return { data: utf8 ? reply.data : fromWire(reply.data, reply.encoding), stat: reply.stat };
  }

  /** The node's Stat, or null; a watch is set either way (it fires on creation too). */
  async exists(path: string, opts: ReadOptions = {}): Promise<Stat | null> {
    const reply = await this.core.watched(
      path,
      'data',
      opts.watch,
      (watch) => this.core.pipeline.request('exists', { path, ...(watch && { watch }) }, READ),
      (r) => r.stat,
    );
    return reply.stat;
  }

  /** Child names, sorted; with `includeStat` also the parent's Stat. */
  getChildren(path: string, opts?: ReadOptions & { includeStat?: false }): Promise<string[]>;
  getChildren(
    path: string,
    opts: ReadOptions & { includeStat: true },
  ): Promise<{ children: string[]; stat: Stat }>;
  async getChildren(
    path: string,
    opts: ReadOptions & { includeStat?: boolean } = {},
  ): Promise<string[] | { children: string[]; stat: Stat }> {
    const reply = await this.core.watched(
      path,
      'child',
      opts.watch,
      (watch) => this.core.pipeline.request('getChildren', { path, ...(watch && { watch }) }, READ),
      (r) => r.stat,
    );
    return opts.includeStat ? { children: reply.children, stat: reply.stat } : reply.children;
  }

  /** How many nodes lie below the path, at any depth. */
  async getAllChildrenNumber(path: string): Promise<number> {
    return (await this.core.pipeline.request('getAllChildrenNumber', { path }, READ)).count;
  }

  /** This session's ephemeral nodes whose path starts with `prefix`. */
  async getEphemerals(prefix = '/'): Promise<string[]> {
    return (await this.core.pipeline.request('getEphemerals', { prefix }, READ)).paths;
  }

  async getACL(path: string): Promise<{ acl: Acl[]; stat: Stat }> {
    const reply = await this.core.pipeline.request('getACL', { path }, READ);
    return { acl: reply.acl, stat: reply.stat };
  }

  /** Several reads at one point in time; each fails on its own. */
  async multiRead(
    ops: ReadonlyArray<{ op: 'getData' | 'getChildren'; path: string }>,
  ): Promise<MultiReadResult[]> {
    const reply = await this.core.pipeline.request(
      'multiRead',
      { ops: [...ops], encoding: 'base64' },
      READ,
    );
    return reply.results.map((r): MultiReadResult => {
      switch (r.op) {
        case 'getData':
          return { op: 'getData', data: fromWire(r.data, 'base64'), stat: r.stat };
        case 'getChildren':
          return r;
        case 'error':
          return { op: 'error', error: ZoonestError.fromJson(r.error) };
      }
    });
  }

  // ---- watches and subscriptions ---------------------------------------------------------

  /**
   * A persistent watch (ZooKeeper's addWatch): called for every change until removed, and it
   * keeps its place across reconnects.
   */
  async addWatch(
    path: string,
    watcher: Watcher,
    opts: AddWatchOptions = {},
  ): Promise<PersistentWatch> {
    const mode = opts.mode ?? 'persistent';
    const subscription = await this.subscribe(
      path,
      {
        change: (change) => {
          const event = watchedEventOf(path, mode, change);
          if (event) watcher(event);
        },
        reset: () => opts.onReset?.(),
      },
      { recursive: mode === 'persistent-recursive' },
    );
    return new PersistentWatch(path, mode, subscription);
  }

  /** Removes this client's one-shot watches on a path; NoWatcher if there were none. */
  async removeWatches(path: string, type: 'data' | 'children' | 'any' = 'any'): Promise<void> {
    if (this.core.watches.remove(path, type) === 0) {
      throw new ZoonestError(ErrorCode.NoWatcher, undefined, path);
    }
    await this.core.pipeline.request('removeWatches', { path, type }).catch((err: unknown) => {
      if (!isZoonestError(err, 'NoWatcher')) throw err;
    });
  }

  /**
   * The changes of a node and its children (or with `recursive`, a subtree) as an async
   * iterable: `for await (const event of client.watch('/config', { recursive: true }))`.
   */
  watch(path: string, opts: SubscribeOptions = {}): WatchStream {
    return new WatchStream((handlers) => this.subscribe(path, handlers, opts));
  }

  /** The change feed with callbacks; resolves once the server has the subscription. */
  subscribe(
    path: string,
    handlers: SubscriptionHandlers,
    opts: SubscribeOptions = {},
  ): Promise<Subscription> {
    return this.core.subscriptions.subscribe(
      path,
      opts.recursive ?? false,
      opts.fromZxid,
      handlers,
    );
  }
}
