import type { Coordinator } from '../../core/coordinator';
import type { ClientContext, ReadOp } from '../../core/coordinator-types';
import type { Watcher } from '../../core/watch-event';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { aclFromJson, aclToJson } from '../json/acl-json';
import { decodeData, encodeData } from '../json/data-encoding';
import { errorToJson } from '../json/error-json';
import { statToJson } from '../json/stat-json';
import {
  opResultToJson,
  parseCreateMode,
  parsePath,
  parseTtl,
  parseVersion,
  writeOpsFromJson,
} from '../json/write-op-json';
import type { Ack, ClientToServer, MultiReadResultJson } from '../../protocol/wire/socketio-events';
import {
  oneOf,
  optionalBoolean,
  optionalInteger,
  replyEncoding,
  requiredInteger,
  requiredString,
  type Fields,
} from './request-fields';
import type { SocketSubscriptions } from './socket-subscriptions';

/** What one request of one socket may use. */
export interface Call {
  readonly zk: Coordinator;
  readonly ctx: ClientContext;
  /** The socket's watcher, registered with each watch it sets. */
  readonly watcher: Watcher;
  readonly subscriptions: SocketSubscriptions;
  readonly maxMultiOps: number;
  /** The client itself asked to end its session (it then ends as 'closed', not 'expired'). */
  closeRequested(): void;
  /** Runs `fn` right after this request's reply has been sent. */
  afterReply(fn: () => void): void;
}

type ResultOf<E extends keyof ClientToServer> =
  Parameters<ClientToServer[E]>[1] extends Ack<infer T> ? T : never;

export type Operations = {
  [E in keyof ClientToServer]: (call: Call, req: Fields) => Promise<ResultOf<E>>;
};

const READ_OPS: ReadonlyArray<ReadOp['op']> = ['getData', 'getChildren'];
const WATCH_REMOVALS = ['children', 'data', 'any', 'persistent', 'persistent-recursive'] as const;
const ADD_WATCH_MODES = ['persistent', 'persistent-recursive'] as const;

const watcherIf = (call: Call, req: Fields): Watcher | undefined =>
  optionalBoolean(req, 'watch') ? call.watcher : undefined;

function readOpsOf(ops: unknown, max: number): ReadOp[] {
  if (!Array.isArray(ops)) throw ZkError.badArguments('ops must be a list');
  if (ops.length > max) throw ZkError.badArguments(`a multiRead holds at most ${max} ops`);
  return ops.map((op: unknown): ReadOp => {
    if (typeof op !== 'object' || op === null) throw ZkError.badArguments('each op is {op, path}');
    const fields = op as Fields;
    return { op: oneOf(fields, 'op', READ_OPS), path: parsePath(fields.path) };
  });
}

/**
 * Every event of `/zoonest`: decode the request, make one Coordinator call, encode the result.
 * The semantics are the core's; nothing here decides anything a client could notice.
 */
export const OPERATIONS: Operations = {
  async create(call, req) {
    const created = await call.zk.create(
      call.ctx,
      parsePath(req.path),
      decodeData(req.data, req.encoding),
      {
        mode: parseCreateMode(req.mode),
        ttlMs: parseTtl(req.ttlMs),
        acl: req.acl === undefined ? undefined : aclFromJson(req.acl),
      },
    );
    return { path: created.path, stat: statToJson(created.stat) };
  },

  async getData(call, req) {
    const encoding = replyEncoding(req);
    const node = await call.zk.getData(call.ctx, parsePath(req.path), watcherIf(call, req));
    return { data: encodeData(node.data, encoding), encoding, stat: statToJson(node.stat) };
  },

  async setData(call, req) {
    const data = decodeData(req.data, req.encoding);
    const stat = await call.zk.setData(
      call.ctx,
      parsePath(req.path),
      data,
      parseVersion(req.version),
    );
    return { stat: statToJson(stat) };
  },

  async delete(call, req) {
    const path = parsePath(req.path);
    const version = parseVersion(req.version);
    if (optionalBoolean(req, 'recursive')) {
      if (version !== -1) throw ZkError.badArguments('a recursive delete takes no version', path);
      await call.zk.deleteRecursive(call.ctx, path);
    } else {
      await call.zk.delete(call.ctx, path, version);
    }
    return {};
  },

  async exists(call, req) {
    const stat = await call.zk.exists(call.ctx, parsePath(req.path), watcherIf(call, req));
    return { stat: stat ? statToJson(stat) : null };
  },

  async getChildren(call, req) {
    const node = await call.zk.getChildren(call.ctx, parsePath(req.path), watcherIf(call, req));
    return { children: node.children, stat: statToJson(node.stat) };
  },

  async getAllChildrenNumber(call, req) {
    return { count: await call.zk.getAllChildrenNumber(call.ctx, parsePath(req.path)) };
  },

  async getEphemerals(call, req) {
    const prefix = req.prefix === undefined ? '/' : requiredString(req, 'prefix');
    return { paths: await call.zk.getEphemerals(call.ctx, prefix) };
  },

  async getACL(call, req) {
    const { acl, stat } = await call.zk.getACL(call.ctx, parsePath(req.path));
    return { acl: aclToJson(acl), stat: statToJson(stat) };
  },

  async setACL(call, req) {
    const path = parsePath(req.path);
    const stat = await call.zk.setACL(
      call.ctx,
      path,
      aclFromJson(req.acl),
      parseVersion(req.version),
    );
    return { stat: statToJson(stat) };
  },

  async multi(call, req) {
    const results = await call.zk.multi(call.ctx, writeOpsFromJson(req.ops, call.maxMultiOps));
    return { results: results.map(opResultToJson) };
  },

  async multiRead(call, req) {
    const encoding = replyEncoding(req);
    const results = await call.zk.multiRead(call.ctx, readOpsOf(req.ops, call.maxMultiOps));
    return {
      results: results.map((r): MultiReadResultJson => {
        switch (r.op) {
          case 'getData':
            return { op: 'getData', data: encodeData(r.data, encoding), stat: statToJson(r.stat) };
          case 'getChildren':
            return { op: 'getChildren', children: r.children };
          case 'error':
            return { op: 'error', error: errorToJson(r.error) };
        }
      }),
    };
  },

  async sync(call, req) {
    const path = await call.zk.sync(call.ctx, parsePath(req.path));
    return { path, zxid: call.zk.lastZxid };
  },

  async addWatch(call, req) {
    const path = parsePath(req.path);
    await call.zk.addWatch(call.ctx, path, oneOf(req, 'mode', ADD_WATCH_MODES), call.watcher);
    return {};
  },

  async removeWatches(call, req) {
    const path = parsePath(req.path);
    const kind = oneOf(req, 'type', WATCH_REMOVALS, 'any');
    await call.zk.removeWatches(call.ctx, path, kind, call.watcher);
    return {};
  },

  async addAuth(call, req) {
    const scheme = requiredString(req, 'scheme');
    call.zk.addAuth(call.ctx.sessionId, scheme, requiredString(req, 'credentials'));
    return {};
  },

  async subscribe(call, req) {
    const path = parsePath(req.path);
    const opts = {
      recursive: optionalBoolean(req, 'recursive'),
      fromZxid: optionalInteger(req, 'fromZxid', 0),
    };
    const subscriptionId = await call.subscriptions.open((sink) =>
      call.zk.subscribe(call.ctx, path, opts, sink),
    );
    call.afterReply(() => call.subscriptions.release(subscriptionId));
    return { subscriptionId };
  },

  async unsubscribe(call, req) {
    const id = requiredInteger(req, 'subscriptionId', 1);
    if (!call.subscriptions.cancel(id)) {
      throw new ZkError(ZkCode.NoWatcher, undefined, `no subscription ${id} on this connection`);
    }
    return {};
  },

  async closeSession(call) {
    call.closeRequested();
    await call.zk.closeSession(call.ctx.sessionId);
    return {};
  },
};
