import type { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import type { Watcher } from '../../core/watch-event';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import type { ClientInfo } from './jute/data-records';
import type { ZkRequest, ZkRequestType } from './jute/requests';
import type { ZkResponse } from './jute/responses';
import { failedMultiResults, multiReadResultsOf, multiResultsOf, writeOpsOf } from './multi-ops';

/** What one request of one connection may use. */
export interface OperationCall {
  readonly zk: Coordinator;
  readonly ctx: ClientContext;
  /** The connection: the watcher of every watch it sets. */
  readonly watcher: Watcher;
  readonly maxMultiOps: number;
}

/** Requests the connection answers itself, for their xids and effects on the connection. */
export const CONNECTION_REQUESTS = ['ping', 'auth', 'sasl', 'closeSession'] as const;
type ConnectionRequestType = (typeof CONNECTION_REQUESTS)[number];
export type ConnectionRequest = ZkRequest & { type: ConnectionRequestType };
export type OperationRequest = ZkRequest & { type: Exclude<ZkRequestType, ConnectionRequestType> };

export function isConnectionRequest(req: ZkRequest): req is ConnectionRequest {
  return (CONNECTION_REQUESTS as readonly string[]).includes(req.type);
}

export function isOperationRequest(req: ZkRequest): req is OperationRequest {
  return !isConnectionRequest(req);
}

const watcherIf = (call: OperationCall, watch: boolean): Watcher | undefined =>
  watch ? call.watcher : undefined;

function limitOps(call: OperationCall, count: number): void {
  if (count > call.maxMultiOps) {
    throw ZkError.badArguments(
      `a multi holds at most ${call.maxMultiOps} ops (ZOONEST_MAX_MULTI_OPS)`,
    );
  }
}

/** ZooKeeper's whoAmI names a digest identity by its user, an ip identity by its address. */
function clientInfoOf(call: OperationCall): ClientInfo[] {
  return call.zk.identities(call.ctx).map((id) => ({
    authScheme: id.scheme,
    user: id.scheme === 'digest' ? (id.id.split(':')[0] ?? '') : id.id,
  }));
}

/**
 * One request as one Coordinator call: the body to answer with, or undefined for a header-only
 * reply. Failures are thrown as the core's ZkError; nothing here decides semantics.
 */
export async function perform(
  call: OperationCall,
  req: OperationRequest,
): Promise<ZkResponse | undefined> {
  const { zk, ctx } = call;
  switch (req.type) {
    case 'create':
    case 'create2':
    case 'createContainer':
    case 'createTTL': {
      const created = await zk.create(ctx, req.path, req.data, {
        mode: req.mode,
        acl: req.acl,
        ttlMs: req.ttlMs,
      });
      return req.type === 'create'
        ? { type: 'create', path: created.path }
        : { type: req.type, path: created.path, stat: created.stat };
    }
    case 'delete':
      await zk.delete(ctx, req.path, req.version);
      return undefined;
    case 'deleteContainer':
      await zk.deleteContainer(ctx, req.path);
      return undefined;
    case 'exists': {
      const stat = await zk.exists(ctx, req.path, watcherIf(call, req.watch));
      // ZooKeeper answers a missing node with NoNode (the watch is set all the same).
      if (!stat) throw ZkError.noNode(req.path);
      return { type: 'exists', stat };
    }
    case 'getData': {
      const { data, stat } = await zk.getData(ctx, req.path, watcherIf(call, req.watch));
      return { type: 'getData', data, stat };
    }
    case 'setData':
      return { type: 'setData', stat: await zk.setData(ctx, req.path, req.data, req.version) };
    case 'getACL': {
      const { acl, stat } = await zk.getACL(ctx, req.path);
      return { type: 'getACL', acl, stat };
    }
    case 'setACL':
      return { type: 'setACL', stat: await zk.setACL(ctx, req.path, req.acl, req.version) };
    case 'getChildren':
    case 'getChildren2': {
      const { children, stat } = await zk.getChildren(ctx, req.path, watcherIf(call, req.watch));
      return req.type === 'getChildren'
        ? { type: 'getChildren', children }
        : { type: 'getChildren2', children, stat };
    }
    case 'sync':
      return { type: 'sync', path: await zk.sync(ctx, req.path) };
    case 'multi': {
      limitOps(call, req.ops.length);
      try {
        const results = await zk.multi(ctx, writeOpsOf(req.ops));
        return { type: 'multi', results: multiResultsOf(req.ops, results) };
      } catch (err) {
        const results = failedMultiResults(err);
        if (!results) throw err;
        return { type: 'multi', results };
      }
    }
    case 'multiRead':
      limitOps(call, req.ops.length);
      return { type: 'multiRead', results: multiReadResultsOf(await zk.multiRead(ctx, req.ops)) };
    case 'reconfig':
      // A standalone server without dynamic reconfiguration, as ZooKeeper answers it.
      throw new ZkError(ZkCode.ReconfigDisabled);
    case 'checkWatches':
      await zk.checkWatches(ctx, req.path, req.watcherType, call.watcher);
      return undefined;
    case 'removeWatches':
      await zk.removeWatches(ctx, req.path, req.watcherType, call.watcher);
      return undefined;
    case 'setWatches':
    case 'setWatches2':
      await zk.setWatches(ctx, req.relativeZxid, req.watches, call.watcher);
      return undefined;
    case 'getEphemerals':
      return { type: 'getEphemerals', ephemerals: await zk.getEphemerals(ctx, req.prefixPath) };
    case 'getAllChildrenNumber':
      return {
        type: 'getAllChildrenNumber',
        totalNumber: await zk.getAllChildrenNumber(ctx, req.path),
      };
    case 'addWatch':
      await zk.addWatch(ctx, req.path, req.mode, call.watcher);
      return { type: 'addWatch' };
    case 'whoAmI':
      return { type: 'whoAmI', clientInfo: clientInfoOf(call) };
  }
}
