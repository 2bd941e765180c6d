import { Perms } from './acl';
import { applyTxn } from './apply-txn';
import { fixupAcl, requirePermission } from './auth';
import type { Caller } from './caller';
import { MAX_TTL_MS, type CoreLimits } from './limits';
import { parentOf, sequenceSuffix, validatePath } from './path';
import { PendingView } from './pending-view';
import type { Entropy } from './ports';
import type { Stat } from './stat';
import { isSystemPath } from './system-nodes';
import { statOf } from './stat-of';
import type { Txn, TxnOp } from './txn';
import type { OpResult, WriteOp, WriteRequest, WriteResult } from './write-request';
import { ZkCode } from './zk-code';
import { ZkError } from './zk-error';
import { isSequential, kindOf, type ZNode } from './znode';

/** Turns a validated write into one op and its result; nothing is applied yet. */
interface Built {
  ops: TxnOp[];
  result: OpResult;
}

/** Session ids carry a server tag in the top byte, as ZooKeeper's do; the rest is a zxid. */
const SESSION_TAG = 1n << 56n;

function checkVersion(path: string, expected: number, actual: number): void {
  if (expected !== -1 && expected !== actual) throw ZkError.badVersion(path);
}

/** ZooKeeper deletes neither the root nor its system nodes. */
function refuseSystemPath(path: string): void {
  if (isSystemPath(path)) throw ZkError.badArguments('a system node cannot be deleted', path);
}

function after(node: ZNode, change: Partial<ZNode>): Stat {
  return statOf({ ...node, ...change });
}

/**
 * Validates each write against the tree as it will be after the writes before it, and turns it
 * into a transaction (ZooKeeper's PrepRequestProcessor). A failure is thrown as a ZkError and
 * leaves the view unchanged.
 */
export class TxnBuilder {
  constructor(
    private readonly limits: CoreLimits,
    private readonly entropy: Entropy,
  ) {}

  build(
    req: WriteRequest,
    caller: Caller,
    view: PendingView,
    zxid: number,
    time: number,
  ): { txn?: Txn; result: WriteResult } {
    const txn = (ops: TxnOp[]): Txn => ({ zxid, time, sessionId: caller.sessionId, ops });
    if (req.op !== 'createSession' && caller.sessionId !== 0n && !view.isOpen(caller.sessionId)) {
      throw ZkError.sessionExpired(caller.sessionId);
    }
    switch (req.op) {
      case 'sync':
        validatePath(req.path);
        return { result: { op: 'sync', path: req.path } };
      case 'createSession': {
        const id = SESSION_TAG | BigInt(zxid);
        const timeoutMs = Math.min(
          Math.max(req.timeoutMs, this.limits.minSessionTimeoutMs),
          this.limits.maxSessionTimeoutMs,
        );
        const session = { id, password: this.entropy.randomBytes(16), timeoutMs };
        const t = txn([{ op: 'createSession', session }]);
        applyTxn(view, view, t);
        return { txn: t, result: { op: 'createSession', session } };
      }
      case 'closeSession': {
        if (!view.isOpen(req.sessionId)) throw ZkError.sessionExpired(req.sessionId);
        const ops: TxnOp[] = [...view.ephemeralsOf(req.sessionId)].sort().map((path) => {
          const node = view.get(path) as ZNode;
          return { op: 'delete', path, stat: statOf(node) };
        });
        ops.push({ op: 'closeSession', sessionId: req.sessionId });
        const t = txn(ops);
        applyTxn(view, view, t);
        return { txn: t, result: { op: 'closeSession' } };
      }
      case 'multi':
        return this.multi(req.ops, caller, view, txn);
      case 'create':
      case 'delete':
      case 'setData':
      case 'setACL':
      case 'check':
      case 'deleteContainer': {
        const t = txn([]);
        const built = this.op(req, caller, view, t);
        t.ops = built.ops;
        applyTxn(view, view, t);
        return { txn: t.ops.length > 0 ? t : undefined, result: built.result };
      }
    }
  }

  private multi(
    ops: WriteOp[],
    caller: Caller,
    view: PendingView,
    txn: (ops: TxnOp[]) => Txn,
  ): { txn?: Txn; result: WriteResult } {
    const scratch = new PendingView(view, view);
    const t = txn([]);
    const results: OpResult[] = [];
    for (const [index, op] of ops.entries()) {
      try {
        const built = this.op(op, caller, scratch, t);
        applyTxn(scratch, scratch, { ...t, ops: built.ops });
        t.ops.push(...built.ops);
        results.push(built.result);
      } catch (err) {
        if (!(err instanceof ZkError)) throw err;
        // ZooKeeper's multi: Ok before the failure, its code, RuntimeInconsistency after.
        const codes = ops.map((_, i) =>
          i < index ? ZkCode.Ok : i === index ? err.code : ZkCode.RuntimeInconsistency,
        );
        throw ZkError.multiFailed(err, index, codes);
      }
    }
    view.absorb(scratch);
    return { txn: t.ops.length > 0 ? t : undefined, result: { op: 'multi', results } };
  }

  private op(op: WriteOp, caller: Caller, view: PendingView, txn: Txn): Built {
    switch (op.op) {
      case 'create':
        return this.create(op, caller, view, txn);
      case 'delete': {
        refuseSystemPath(op.path);
        const node = this.existing(view, op.path);
        const parent = view.get(parentOf(op.path)) as ZNode;
        requirePermission(parent.acl, Perms.DELETE, caller.ids, op.path);
        checkVersion(op.path, op.version, node.version);
        if (node.numChildren > 0) throw ZkError.notEmpty(op.path);
        return {
          ops: [{ op: 'delete', path: op.path, stat: statOf(node) }],
          result: { op: 'delete' },
        };
      }
      case 'setData': {
        const node = this.existing(view, op.path);
        requirePermission(node.acl, Perms.WRITE, caller.ids, op.path);
        checkVersion(op.path, op.version, node.version);
        const version = node.version + 1;
        const stat = after(node, { data: op.data, version, mzxid: txn.zxid, mtime: txn.time });
        return {
          ops: [{ op: 'setData', path: op.path, data: op.data, version, stat }],
          result: { op: 'setData', stat },
        };
      }
      case 'setACL': {
        const node = this.existing(view, op.path);
        requirePermission(node.acl, Perms.ADMIN, caller.ids, op.path);
        const acl = fixupAcl(op.acl, caller.ids, op.path);
        checkVersion(op.path, op.version, node.aversion);
        const aversion = node.aversion + 1;
        const stat = after(node, { aversion });
        return {
          ops: [{ op: 'setACL', path: op.path, acl, aversion, stat }],
          result: { op: 'setACL', stat },
        };
      }
      case 'check': {
        const node = this.existing(view, op.path);
        requirePermission(node.acl, Perms.READ, caller.ids, op.path);
        checkVersion(op.path, op.version, node.version);
        return { ops: [], result: { op: 'check' } };
      }
      case 'deleteContainer': {
        refuseSystemPath(op.path);
        const node = this.existing(view, op.path);
        if (node.numChildren > 0) throw ZkError.notEmpty(op.path);
        const expiredTtl = node.kind === 'ttl' && txn.time - node.mtime >= node.ttlMs;
        if (node.kind !== 'container' && !expiredTtl) throw ZkError.badVersion(op.path);
        return {
          ops: [{ op: 'delete', path: op.path, stat: statOf(node) }],
          result: { op: 'deleteContainer' },
        };
      }
    }
  }

  private create(
    op: Extract<WriteOp, { op: 'create' }>,
    caller: Caller,
    view: PendingView,
    txn: Txn,
  ): Built {
    const kind = kindOf(op.mode);
    const ttlMs = op.ttlMs ?? 0;
    if (kind === 'ttl' ? !(ttlMs > 0 && ttlMs <= MAX_TTL_MS) : ttlMs > 0) {
      throw ZkError.badArguments(`ttlMs ${ttlMs} does not fit mode ${op.mode}`, op.path);
    }
    if (kind === 'ephemeral' && caller.sessionId === 0n) {
      throw ZkError.badArguments('an ephemeral node needs a session', op.path);
    }
    const acl = fixupAcl(op.acl, caller.ids, op.path);
    validatePath(isSequential(op.mode) ? `${op.path}0` : op.path);
    if (op.path === '/') throw ZkError.nodeExists(op.path);
    const parentPath = parentOf(op.path);
    const parent = view.get(parentPath);
    if (!parent) throw ZkError.noNode(parentPath);
    requirePermission(parent.acl, Perms.CREATE, caller.ids, op.path);
    const path = isSequential(op.mode) ? op.path + sequenceSuffix(parent.cversion) : op.path;
    validatePath(path);
    if (view.get(path)) throw ZkError.nodeExists(path);
    if (parent.kind === 'ephemeral') {
      throw new ZkError(ZkCode.NoChildrenForEphemerals, parentPath);
    }
    const node = {
      path,
      data: op.data,
      acl,
      kind,
      ttlMs: kind === 'ttl' ? ttlMs : 0,
      ephemeralOwner: kind === 'ephemeral' ? caller.sessionId : 0n,
      czxid: txn.zxid,
      mzxid: txn.zxid,
      pzxid: txn.zxid,
      ctime: txn.time,
      mtime: txn.time,
      version: 0,
      cversion: 0,
      aversion: 0,
    };
    const stat = statOf({ ...node, numChildren: 0 });
    return { ops: [{ op: 'create', node, stat }], result: { op: 'create', path, stat } };
  }

  private existing(view: PendingView, path: string): ZNode {
    validatePath(path);
    const node = view.get(path);
    if (!node) throw ZkError.noNode(path);
    return node;
  }
}
