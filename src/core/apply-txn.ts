import type { NodeWriter, SessionWriter } from './node-store';
import { nameOf, parentOf } from './path';
import type { Txn, TxnOp } from './txn';
import type { ZNode } from './znode';

function requireNode(nodes: NodeWriter, path: string): ZNode {
  const node = nodes.mutable(path);
  if (!node) throw new Error(`transaction refers to missing node ${path}`);
  return node;
}

function applyOp(nodes: NodeWriter, sessions: SessionWriter, op: TxnOp, txn: Txn): void {
  switch (op.op) {
    case 'create': {
      nodes.put({ ...op.node, children: new Set() });
      const parent = requireNode(nodes, parentOf(op.node.path));
      parent.children.add(nameOf(op.node.path));
      parent.cversion += 1;
      parent.pzxid = txn.zxid;
      return;
    }
    case 'delete': {
      nodes.remove(op.path);
      const parent = requireNode(nodes, parentOf(op.path));
      parent.children.delete(nameOf(op.path));
      parent.pzxid = Math.max(parent.pzxid, txn.zxid);
      return;
    }
    case 'setData': {
      const node = requireNode(nodes, op.path);
      node.data = op.data;
      node.version = op.version;
      node.mzxid = txn.zxid;
      node.mtime = txn.time;
      return;
    }
    case 'setACL': {
      const node = requireNode(nodes, op.path);
      node.acl = op.acl;
      node.aversion = op.aversion;
      return;
    }
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
