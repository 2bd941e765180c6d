import type { NodeWriter, SessionWriter } from './node-store';
import { parentOf } from './path';
import type { Txn, TxnOp } from './txn';
import type { ZNode } from './znode';

function requireNode(nodes: NodeWriter, path: string): ZNode {
  const node = nodes.get(path);
  if (!node) throw new Error(`transaction refers to missing node ${path}`);
  return node;
}

function applyOp(nodes: NodeWriter, sessions: SessionWriter, op: TxnOp, txn: Txn): void {
  switch (op.op) {
    case 'create': {
      const parentPath = parentOf(op.node.path);
      const parent = requireNode(nodes, parentPath);
      nodes.create(op.node);
      nodes.update(parentPath, { cversion: parent.cversion + 1, pzxid: txn.zxid });
      return;
    }
    case 'delete': {
      const parentPath = parentOf(op.path);
      const parent = requireNode(nodes, parentPath);
      nodes.remove(op.path);
      nodes.update(parentPath, { pzxid: Math.max(parent.pzxid, txn.zxid) });
      return;
    }
    case 'setData':
      nodes.update(op.path, {
        data: op.data,
        version: op.version,
        mzxid: txn.zxid,
        mtime: txn.time,
      });
      return;
    case 'setACL':
      nodes.update(op.path, { acl: op.acl, aversion: op.aversion });
      return;
    case 'createSession':
      sessions.opened(op.session.id, op.session.password, op.session.timeoutMs);
      return;
    case 'closeSession':
      sessions.closed(op.sessionId);
      return;
  }
}

/**
 * Applies a transaction. The same function advances a pending view while a batch is validated
 * and the live tree once the batch is durable, so both always agree.
 */
export function applyTxn(nodes: NodeWriter, sessions: SessionWriter, txn: Txn): void {
  for (const op of txn.ops) applyOp(nodes, sessions, op, txn);
}
