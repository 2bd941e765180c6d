import { OPEN_ACL_UNSAFE, Perms, type Acl, type AuthId } from './acl';
import { authenticate, permitted, requirePermission } from './auth';
import { OPEN_POLICY, type AuthPolicy } from './auth-policy';
import type { Caller } from './caller';
import { SERVER_CALLER } from './caller';
import { ChangeFeed, type Subscription } from './change-feed';
import type {
  ClientContext,
  CoordinatorObserver,
  CreateOptions,
  NodeChildren,
  NodeData,
  ReadOp,
  ReadResult,
  SessionInfo,
  WatchSet,
} from './coordinator-types';
import { writeEnsembleConfig } from './config-node';
import type { DataTree } from './data-tree';
import type { EnsembleSource } from './ensemble';
import type { CoreLimits } from './limits';
import { loadState } from './load-state';
import { childPath, validatePath } from './path';
import { requestPacketBytes } from './packet-size';
import type { Clock, Entropy, Scheduler, TxnStore } from './ports';
import { rearmWatches } from './rearm-watches';
import { SessionOrder } from './session-order';
import { CONFIG_NODE } from './system-nodes';
import { SessionTable, type Session, type SessionOrigin } from './session-table';
import type { Stat } from './stat';
import { statOf } from './stat-of';
import type { Txn } from './txn';
import { TxnBuilder } from './txn-builder';
import type { AddWatchMode, ChangeEvent, Watcher } from './watch-event';
import { WatchManager, type WatchRemoval } from './watch-manager';
import { WritePipeline } from './write-pipeline';
import type { OpResult, WriteOp, WriteRequest, WriteResult } from './write-request';
import { ZkCode } from './zk-code';
import { ZkError } from './zk-error';
import type { ZNode } from './znode';

export interface CoordinatorDeps {
  store: TxnStore;
  clock: Clock;
  entropy: Entropy;
  scheduler: Scheduler;
  limits: CoreLimits;
  /** Who must authenticate and who is the super user; by default nobody and nobody. */
  auth?: AuthPolicy;
  /** Monotonic milliseconds, for latency figures. */
  elapsed: () => number;
  observer?: CoordinatorObserver;
  /** Other replicas share the store: writes validate under its lock, and the log is followed. */
  replicated?: boolean;
  /** The servers /zookeeper/config lists; without it the node is empty, as a standalone ZooKeeper's. */
  ensemble?: EnsembleSource;
}

const NO_OBSERVER: CoordinatorObserver = { request: () => undefined, committed: () => undefined };
const RECURSIVE_DELETE_ATTEMPTS = 5;
const FOLLOW_PAGE = 1000;

/**
 * The coordination kernel's facade: ZooKeeper's data model, sessions, watches and ACLs over
 * one ordered, durable write path. Transports and recipes use nothing else.
 */
export class Coordinator {
  private readonly watches = new WatchManager();
  private readonly feed: ChangeFeed;
  private readonly pipeline: WritePipeline;
  private readonly observer: CoordinatorObserver;
  private readonly closedListeners = new Set<(sessionId: bigint) => void>();
  private readonly order = new SessionOrder();
  private readonly reloadListeners = new Set<() => void>();
  private readonly resumedListeners = new Set<(sessionId: bigint) => void>();
  private following?: Promise<void>;
  private followAgain = false;

  private constructor(
    private readonly deps: CoordinatorDeps,
    private tree: DataTree,
    private readonly sessions: SessionTable,
    lastZxid: number,
  ) {
    this.observer = deps.observer ?? NO_OBSERVER;
    this.pipeline = new WritePipeline(
      {
        store: deps.store,
        scheduler: deps.scheduler,
        clock: deps.clock,
        builder: new TxnBuilder(deps.limits, deps.entropy),
        tree,
        sessions,
        maxPendingWrites: deps.limits.maxPendingWrites,
        elapsed: deps.elapsed,
        replicated: deps.replicated ?? false,
        hooks: {
          applied: (txn) => this.applied(txn),
          committed: (b) => this.observer.committed(b),
        },
      },
      lastZxid,
    );
    this.feed = new ChangeFeed(deps.store, () => this.pipeline.lastZxid);
    this.writeEnsemble();
    deps.ensemble?.onChange(() => {
      this.writeEnsemble();
      this.watches.nodeDataChanged(CONFIG_NODE, this.lastZxid);
    });
  }

  /** Loads the durable state; the zxid continues where it stopped. */
  static async open(deps: CoordinatorDeps): Promise<Coordinator> {
    const { tree, snapshot } = await loadState(deps.store);
    const sessions = new SessionTable(deps.clock);
    sessions.restore(snapshot.sessions);
    return new Coordinator(deps, tree, sessions, snapshot.lastZxid);
  }

  get limits(): CoreLimits {
    return this.deps.limits;
  }

  private get authPolicy(): AuthPolicy {
    return this.deps.auth ?? OPEN_POLICY;
  }

  get lastZxid(): number {
    return this.pipeline.lastZxid;
  }

  get counts(): {
    nodes: number;
    sessions: number;
    watches: number;
    subscriptions: number;
    ephemerals: number;
    pendingWrites: number;
  } {
    return {
      nodes: this.tree.size,
      sessions: this.sessions.size,
      watches: this.watches.size,
      subscriptions: this.feed.size,
      ephemerals: this.tree.ephemeralCount(),
      pendingWrites: this.pipeline.pending,
    };
  }

  /** Path and data bytes over the whole tree, as ZooKeeper's mntr reports approximate_data_size. */
  approximateDataSize(): number {
    return this.tree.approximateDataSize();
  }

  // ---- sessions -------------------------------------------------------------------------

  async openSession(timeoutMs: number, origin: SessionOrigin): Promise<SessionInfo> {
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
      throw ZkError.badArguments(
        `session timeout ${timeoutMs} must be a positive number of milliseconds`,
      );
    }
    const result = await this.observe(
      'createSession',
      this.pipeline.submit({ op: 'createSession', timeoutMs }, SERVER_CALLER),
    );
    const { session } = result as Extract<WriteResult, { op: 'createSession' }>;
    this.sessions.touch(session.id);
    this.sessions.seenThrough(session.id, origin);
    return { sessionId: session.id, password: session.password, timeoutMs: session.timeoutMs };
  }

  /**
   * Takes a session back up after a disconnect, with its id and password, while it lives. On a
   * cluster the session may have been opened through another replica a moment ago: the log is
   * read first when it is not known here.
   */
  async resumeSession(
    sessionId: bigint,
    password: Buffer,
    origin?: SessionOrigin,
  ): Promise<SessionInfo> {
    if (!this.sessions.verified(sessionId, password)) await this.catchUp();
    const session = this.verifySession(sessionId, password);
    if (origin) this.sessions.seenThrough(sessionId, origin);
    for (const listener of this.resumedListeners) listener(sessionId);
    return session;
  }

  /** The live session with this id and password, kept alive; SessionExpired otherwise. */
  verifySession(sessionId: bigint, password: Buffer): SessionInfo {
    const s = this.sessions.verified(sessionId, password);
    if (!s) throw ZkError.sessionExpired(sessionId);
    this.sessions.touch(sessionId);
    return { sessionId, password: s.password, timeoutMs: s.timeoutMs };
  }

  /** Whether this replica knows the session; on a cluster it may not have applied it yet. */
  hasSession(sessionId: bigint): boolean {
    return this.sessions.get(sessionId) !== undefined;
  }

  ephemeralPathsOf(sessionId: bigint): string[] {
    return [...this.tree.ephemeralsOf(sessionId)].sort();
  }

  session(sessionId: bigint): Readonly<Session> | undefined {
    return this.sessions.get(sessionId);
  }

  listSessions(): ReadonlyArray<Readonly<Session>> {
    return this.sessions.all();
  }

  /** Keeps a session alive; false when it is gone or closing. */
  touch(sessionId: bigint): boolean {
    return this.sessions.touch(sessionId);
  }

  /** A connection holds the session: it cannot expire until detached. */
  attach(sessionId: bigint): void {
    const s = this.requireSession(sessionId);
    s.attachments += 1;
  }

  detach(sessionId: bigint): void {
    const s = this.sessions.get(sessionId);
    if (!s) return;
    s.attachments = Math.max(0, s.attachments - 1);
    this.sessions.touch(sessionId);
  }

  async closeSession(sessionId: bigint): Promise<void> {
    const s = this.requireSession(sessionId);
    s.closing = true;
    await this.observe(
      'closeSession',
      this.pipeline.submit({ op: 'closeSession', sessionId }, SERVER_CALLER),
    );
  }

  /** Proves an identity for the session; the super user's digest also makes it the super user. */
  addAuth(sessionId: bigint, scheme: string, credentials: string): AuthId {
    this.requireSession(sessionId);
    const ids = authenticate(scheme, credentials, this.authPolicy.superDigest);
    for (const id of ids) this.sessions.addAuthId(sessionId, id);
    return ids[ids.length - 1] as AuthId;
  }

  /** Identities a caller holds: its address, what its transport vouches for, what it proved. */
  identities(ctx: ClientContext): AuthId[] {
    return this.caller(ctx).ids as AuthId[];
  }

  /** Sessions kept alive here since the last call, for recording liveness cluster-wide. */
  takeLiveSessions(): Array<[id: bigint, remainingMs: number]> {
    return this.sessions.takeLive();
  }

  /** Sessions whose deadline has passed here, before liveness seen elsewhere is considered. */
  expiryCandidates(): bigint[] {
    return this.sessions.expired();
  }

  /** Liveness recorded by other replicas: each session lives at least that much longer. */
  extendSessions(remaining: ReadonlyArray<[id: bigint, remainingMs: number]>): void {
    for (const [id, ms] of remaining) this.sessions.extend(id, ms);
  }

  /**
   * Whether the caller may act under enforce.auth: it holds an identity of a required scheme,
   * or none is required. The others may only authenticate (SessionClosedRequireSaslAuth).
   */
  authenticated(ctx: ClientContext): boolean {
    const { requiredSchemes } = this.authPolicy;
    if (requiredSchemes.length === 0) return true;
    return this.heldIds(ctx).some((id) => requiredSchemes.includes(id.scheme));
  }

  /** A client took its session back up through a new connection to this server. */
  onSessionResumed(listener: (sessionId: bigint) => void): () => void {
    this.resumedListeners.add(listener);
    return () => this.resumedListeners.delete(listener);
  }

  onSessionClosed(listener: (sessionId: bigint) => void): () => void {
    this.closedListeners.add(listener);
    return () => this.closedListeners.delete(listener);
  }

  /** Closes every session past its deadline; its ephemerals go in the same transaction. */
  async expireSessions(): Promise<bigint[]> {
    const expired = this.sessions.expired();
    await Promise.all(
      expired.map(async (id) => {
        const s = this.sessions.get(id);
        if (s) s.closing = true;
        await this.pipeline
          .submit({ op: 'closeSession', sessionId: id }, SERVER_CALLER)
          .catch(() => {
            if (s) s.closing = false;
          });
      }),
    );
    return expired;
  }

  /** Removes empty containers that once had children and TTL nodes unchanged for their TTL. */
  async reap(): Promise<number> {
    const due = this.tree.dueForReaping(this.deps.clock.now());
    const results = await Promise.allSettled(
      due.map((path) => this.pipeline.submit({ op: 'deleteContainer', path }, SERVER_CALLER)),
    );
    return results.filter((r) => r.status === 'fulfilled').length;
  }

  // ---- following the log (replicas) ----------------------------------------------------

  /**
   * Applies what other replicas committed, in zxid order, firing watches and subscriptions as
   * for local writes. Calls made while a pass runs are answered by a pass that starts after
   * them, so a caller sees everything committed before it called.
   */
  catchUp(): Promise<void> {
    if (!this.deps.replicated) return Promise.resolve();
    if (this.following) {
      this.followAgain = true;
      return this.following;
    }
    this.following = (async () => {
      try {
        do {
          this.followAgain = false;
          await this.followLog();
        } while (this.followAgain);
      } finally {
        this.following = undefined;
      }
    })();
    return this.following;
  }

  /** True once everything up to `zxid` is applied here (reading the log first if need be). */
  async caughtUpTo(zxid: number): Promise<boolean> {
    if (zxid <= this.lastZxid) return true;
    await this.catchUp();
    return zxid <= this.lastZxid;
  }

  /** Called after the state was reloaded from the store: every client must reconnect. */
  onReload(listener: () => void): () => void {
    this.reloadListeners.add(listener);
    return () => this.reloadListeners.delete(listener);
  }

  private async followLog(): Promise<void> {
    for (;;) {
      const applied = this.pipeline.lastZxid;
      const slice = await this.deps.store.readLog(applied, FOLLOW_PAGE);
      const lost = slice.lastZxid < applied;
      const pruned = slice.lastZxid > applied && slice.oldestZxid > applied + 1;
      if (lost || pruned) {
        await this.reload();
        return;
      }
      if (slice.txns.length === 0) return;
      await this.pipeline.exclusive(() => this.pipeline.applyCommitted(slice.txns));
      if (slice.txns.length < FOLLOW_PAGE) return;
    }
  }

  /**
   * Rebuilds the tree and sessions from the store: when the log this replica needs was pruned,
   * or ends before what it applied (a commit lost in a database failover).
   */
  private reload(): Promise<void> {
    return this.pipeline.exclusive(async () => {
      const { tree, snapshot } = await loadState(this.deps.store);
      this.tree = tree;
      this.writeEnsemble();
      this.sessions.replaceWith(snapshot.sessions);
      this.pipeline.reset(this.tree, snapshot.lastZxid);
      for (const listener of this.reloadListeners) listener();
    });
  }

  // ---- writes ---------------------------------------------------------------------------

  async create(
    ctx: ClientContext,
    path: string,
    data: Buffer,
    opts: CreateOptions = {},
  ): Promise<{ path: string; stat: Stat }> {
    const op: WriteOp = {
      op: 'create',
      path,
      data,
      acl: opts.acl ?? [...OPEN_ACL_UNSAFE],
      mode: opts.mode ?? 'persistent',
      ttlMs: opts.ttlMs,
    };
    const result = (await this.write(ctx, op)) as Extract<OpResult, { op: 'create' }>;
    return { path: result.path, stat: result.stat };
  }

  async delete(ctx: ClientContext, path: string, version = -1): Promise<void> {
    await this.write(ctx, { op: 'delete', path, version });
  }

  async deleteContainer(ctx: ClientContext, path: string): Promise<void> {
    await this.write(ctx, { op: 'deleteContainer', path });
  }

  /** Deletes a node and everything below it in one transaction (retried if the subtree moves). */
  async deleteRecursive(ctx: ClientContext, path: string): Promise<void> {
    validatePath(path);
    for (let attempt = 1; ; attempt++) {
      await this.order.settled(ctx.sessionId);
      const paths = this.tree.subtreeBottomUp(path);
      if (paths.length === 0) throw ZkError.noNode(path);
      try {
        await this.multi(
          ctx,
          paths.map((p) => ({ op: 'delete', path: p, version: -1 })),
        );
        return;
      } catch (err) {
        const raced =
          err instanceof ZkError && (err.code === ZkCode.NotEmpty || err.code === ZkCode.NoNode);
        if (!raced || attempt >= RECURSIVE_DELETE_ATTEMPTS) throw err;
      }
    }
  }

  async setData(ctx: ClientContext, path: string, data: Buffer, version = -1): Promise<Stat> {
    const result = (await this.write(ctx, { op: 'setData', path, data, version })) as Extract<
      OpResult,
      { op: 'setData' }
    >;
    return result.stat;
  }

  async setACL(ctx: ClientContext, path: string, acl: Acl[], version = -1): Promise<Stat> {
    const result = (await this.write(ctx, { op: 'setACL', path, acl, version })) as Extract<
      OpResult,
      { op: 'setACL' }
    >;
    return result.stat;
  }

  /** All or nothing; on failure the ZkError's `multi` gives every op's code. */
  async multi(ctx: ClientContext, ops: WriteOp[]): Promise<OpResult[]> {
    if (ops.length === 0) return [];
    const result = (await this.submit(ctx, 'multi', { op: 'multi', ops })) as Extract<
      WriteResult,
      { op: 'multi' }
    >;
    return result.results;
  }

  /** Resolves once every write queued before it has been applied. */
  async sync(ctx: ClientContext, path: string): Promise<string> {
    const result = (await this.submit(ctx, 'sync', { op: 'sync', path })) as Extract<
      WriteResult,
      { op: 'sync' }
    >;
    return result.path;
  }

  // ---- reads ----------------------------------------------------------------------------

  async getData(ctx: ClientContext, path: string, watcher?: Watcher): Promise<NodeData> {
    return this.read('getData', ctx, (caller) => {
      const node = this.readable(path, caller);
      if (watcher) this.watches.addData(path, watcher);
      return { data: node.data, stat: statOf(node) };
    });
  }

  /** The node's Stat, or null; a watch is set either way (it fires on creation). */
  async exists(ctx: ClientContext, path: string, watcher?: Watcher): Promise<Stat | null> {
    return this.read('exists', ctx, () => {
      validatePath(path);
      const node = this.tree.get(path);
      if (watcher) this.watches.addData(path, watcher);
      return node ? statOf(node) : null;
    });
  }

  async getChildren(ctx: ClientContext, path: string, watcher?: Watcher): Promise<NodeChildren> {
    return this.read('getChildren', ctx, (caller) => {
      const node = this.readable(path, caller);
      if (watcher) this.watches.addChildren(path, watcher);
      return { children: this.tree.childrenOf(path).sort(), stat: statOf(node) };
    });
  }

  async getAllChildrenNumber(ctx: ClientContext, path: string): Promise<number> {
    return this.read('getAllChildrenNumber', ctx, (caller) => {
      this.readable(path, caller);
      return this.tree.descendantCount(path);
    });
  }

  /** The caller's own ephemeral nodes whose path starts with `prefix`. */
  async getEphemerals(ctx: ClientContext, prefix: string): Promise<string[]> {
    return this.read('getEphemerals', ctx, () => {
      if (ctx.sessionId === 0n) throw ZkError.badArguments('getEphemerals needs a session');
      return [...this.tree.ephemeralsOf(ctx.sessionId)].filter((p) => p.startsWith(prefix)).sort();
    });
  }

  async getACL(ctx: ClientContext, path: string): Promise<{ acl: Acl[]; stat: Stat }> {
    return this.read('getACL', ctx, (caller) => {
      validatePath(path);
      const node = this.tree.get(path);
      if (!node) throw ZkError.noNode(path);
      requirePermission(node.acl, Perms.READ | Perms.ADMIN, caller.ids, path);
      return { acl: node.acl.map((a) => ({ ...a })), stat: statOf(node) };
    });
  }

  /** Several reads at one point in time; each fails on its own. */
  async multiRead(ctx: ClientContext, ops: ReadOp[]): Promise<ReadResult[]> {
    return this.read('multiRead', ctx, (caller) =>
      ops.map((op): ReadResult => {
        try {
          const node = this.readable(op.path, caller);
          return op.op === 'getData'
            ? { op: 'getData', data: node.data, stat: statOf(node) }
            : { op: 'getChildren', children: this.tree.childrenOf(op.path).sort() };
        } catch (error) {
          if (error instanceof ZkError) return { op: 'error', error };
          throw error;
        }
      }),
    );
  }

  /** Paths and data of a subtree, for export and the dashboard; ACL-filtered per node. */
  async walk(
    ctx: ClientContext,
    path: string,
    visit: (node: Readonly<ZNode>) => void,
  ): Promise<void> {
    await this.read('walk', ctx, (caller) => {
      const root = this.readable(path, caller);
      const stack: ZNode[] = [root];
      while (stack.length > 0) {
        const node = stack.pop() as ZNode;
        if (!permitted(node.acl, Perms.READ, caller.ids)) continue;
        visit(node);
        for (const name of this.tree.childrenOf(node.path)) {
          const child = this.tree.get(childPath(node.path, name));
          if (child) stack.push(child);
        }
      }
    });
  }

  // ---- watches --------------------------------------------------------------------------

  async addWatch(
    ctx: ClientContext,
    path: string,
    mode: AddWatchMode,
    watcher: Watcher,
  ): Promise<void> {
    await this.read('addWatch', ctx, () => {
      validatePath(path);
      this.watches.addPersistent(path, mode, watcher);
    });
  }

  async removeWatches(
    ctx: ClientContext,
    path: string,
    kind: WatchRemoval,
    watcher: Watcher,
  ): Promise<void> {
    await this.read('removeWatches', ctx, () => {
      validatePath(path);
      if (!this.watches.remove(path, kind, watcher)) throw new ZkError(ZkCode.NoWatcher, path);
    });
  }

  async checkWatches(
    ctx: ClientContext,
    path: string,
    kind: WatchRemoval,
    watcher: Watcher,
  ): Promise<void> {
    await this.read('checkWatches', ctx, () => {
      validatePath(path);
      if (!this.watches.has(path, kind, watcher)) throw new ZkError(ZkCode.NoWatcher, path);
    });
  }

  /** Sets a reconnecting client's watches again; see rearmWatches. */
  async setWatches(
    ctx: ClientContext,
    relativeZxid: number,
    set: WatchSet,
    watcher: Watcher,
  ): Promise<void> {
    await this.read('setWatches', ctx, () =>
      rearmWatches(this.tree, this.watches, set, relativeZxid, this.lastZxid, watcher),
    );
  }

  /** Forgets every watch of a connection that went away. */
  dropWatcher(watcher: Watcher): void {
    this.watches.removeWatcher(watcher);
  }

  watchedPaths(watcher: Watcher): string[] {
    return this.watches.pathsOf(watcher);
  }

  /** Watched paths per session, for watches set by connections that hold a session. */
  watchedPathsBySession(): Map<bigint, string[]> {
    return this.watches.pathsBySession();
  }

  /** Changes under `path` from `fromZxid` on (replayed from the log), then live. */
  async subscribe(
    ctx: ClientContext,
    path: string,
    opts: { recursive: boolean; fromZxid?: number },
    sink: (event: ChangeEvent) => void,
  ): Promise<Subscription> {
    return this.observe(
      'subscribe',
      (async () => {
        validatePath(path);
        await this.order.settled(ctx.sessionId);
        const caller = this.caller(ctx);
        const node = this.tree.get(path);
        if (node && !permitted(node.acl, Perms.READ, caller.ids)) throw ZkError.noAuth(path);
        return this.feed.subscribe(path, opts.recursive, opts.fromZxid, sink);
      })(),
    );
  }

  // ---- internals ------------------------------------------------------------------------

  private applied(txn: Txn): void {
    for (const op of txn.ops) {
      switch (op.op) {
        case 'create':
          this.watches.nodeCreated(op.node.path, txn.zxid);
          break;
        case 'delete':
          this.watches.nodeDeleted(op.path, txn.zxid);
          break;
        case 'setData':
          this.watches.nodeDataChanged(op.path, txn.zxid);
          break;
        case 'closeSession':
          for (const listener of this.closedListeners) listener(op.sessionId);
          break;
        case 'setACL':
        case 'createSession':
          break;
      }
    }
    this.feed.publish(txn);
  }

  private writeEnsemble(): void {
    const { ensemble, clock } = this.deps;
    if (ensemble) writeEnsembleConfig(this.tree, ensemble.current(), clock.now());
  }

  private requireSession(sessionId: bigint): Session {
    const s = this.sessions.get(sessionId);
    if (!s) throw ZkError.sessionExpired(sessionId);
    return s;
  }

  private caller(ctx: ClientContext): Caller {
    if (ctx.sessionId !== 0n) {
      const s = this.sessions.get(ctx.sessionId);
      if (!s || s.closing) throw ZkError.sessionExpired(ctx.sessionId);
      this.sessions.touch(ctx.sessionId);
    }
    if (!this.authenticated(ctx)) {
      throw new ZkError(
        ZkCode.SessionClosedRequireSaslAuth,
        undefined,
        `authenticate first with ${this.authPolicy.requiredSchemes.join(' or ')} (enforce.auth)`,
      );
    }
    return { sessionId: ctx.sessionId, ids: this.heldIds(ctx) };
  }

  /** The caller's address, what its transport vouches for, and what its session proved. */
  private heldIds(ctx: ClientContext): AuthId[] {
    const session = ctx.sessionId === 0n ? undefined : this.sessions.get(ctx.sessionId);
    return [
      { scheme: 'ip', id: ctx.remoteAddress },
      ...(ctx.ids ?? []),
      ...(session?.authIds ?? []),
    ];
  }

  private readable(path: string, caller: Caller): ZNode {
    validatePath(path);
    const node = this.tree.get(path);
    if (!node) throw ZkError.noNode(path);
    requirePermission(node.acl, Perms.READ, caller.ids, path);
    return node;
  }

  private write(ctx: ClientContext, op: WriteOp): Promise<OpResult> {
    return this.submit(ctx, op.op, op) as Promise<OpResult>;
  }

  private submit(ctx: ClientContext, name: string, req: WriteRequest): Promise<WriteResult> {
    // The async wrapper turns a refused caller into a rejection; submit still runs right now.
    const pending = (async () => {
      this.checkPacketSize(req);
      return this.pipeline.submit(req, this.caller(ctx));
    })();
    this.order.wrote(ctx.sessionId, pending);
    return this.observe(name, pending);
  }

  /** As ZooKeeper refuses a packet past jute.maxbuffer, for requests from every transport. */
  private checkPacketSize(req: WriteRequest): void {
    const bytes = requestPacketBytes(req);
    const max = this.deps.limits.juteMaxBuffer;
    if (bytes > max) {
      throw new ZkError(
        ZkCode.DataTooLarge,
        'path' in req ? req.path : undefined,
        `a request of ${bytes} bytes exceeds jute.maxbuffer, ${max} (ZOONEST_JUTE_MAXBUFFER)`,
      );
    }
  }

  private async read<T>(name: string, ctx: ClientContext, fn: (caller: Caller) => T): Promise<T> {
    return this.observe(
      name,
      (async () => {
        await this.order.settled(ctx.sessionId);
        return fn(this.caller(ctx));
      })(),
    );
  }

  private async observe<T>(name: string, work: Promise<T>): Promise<T> {
    try {
      const value = await work;
      this.observer.request(name, 'Ok');
      return value;
    } catch (err) {
      this.observer.request(name, err instanceof ZkError ? err.codeName : 'SystemError');
      throw err;
    }
  }
}
