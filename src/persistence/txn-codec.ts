import type { Acl } from '../core/acl';
import type { SessionRecord } from '../core/session-record';
import type { Stat } from '../core/stat';
import type { TxnOp } from '../core/txn';
import type { NodeRecord } from '../core/znode';

// JSON shapes: Buffers as base64, bigints as decimal strings, every field listed so nothing
// stray (a node's children Set, say) reaches the log.
type StatJson = Omit<Stat, 'ephemeralOwner'> & { ephemeralOwner: string };
type NodeJson = Omit<NodeRecord, 'data' | 'ephemeralOwner'> & {
  data: string;
  ephemeralOwner: string;
};
interface SessionJson {
  id: string;
  password: string;
  timeoutMs: number;
}
type OpJson =
  | { op: 'create'; node: NodeJson; stat: StatJson }
  | { op: 'delete'; path: string; stat: StatJson }
  | { op: 'setData'; path: string; data: string; version: number; stat: StatJson }
  | { op: 'setACL'; path: string; acl: Acl[]; aversion: number; stat: StatJson }
  | { op: 'createSession'; session: SessionJson }
  | { op: 'closeSession'; sessionId: string };

const b64 = (buf: Buffer): string => buf.toString('base64');
const unb64 = (s: string): Buffer => Buffer.from(s, 'base64');
const acls = (list: readonly Acl[]): Acl[] =>
  list.map(({ scheme, id, perms }) => ({ scheme, id, perms }));

function statJson(s: Stat): StatJson {
  return {
    czxid: s.czxid,
    mzxid: s.mzxid,
    pzxid: s.pzxid,
    ctime: s.ctime,
    mtime: s.mtime,
    version: s.version,
    cversion: s.cversion,
    aversion: s.aversion,
    ephemeralOwner: s.ephemeralOwner.toString(),
    dataLength: s.dataLength,
    numChildren: s.numChildren,
  };
}

function stat(j: StatJson): Stat {
  return { ...j, ephemeralOwner: BigInt(j.ephemeralOwner) };
}

function nodeJson(n: NodeRecord): NodeJson {
  return {
    path: n.path,
    data: b64(n.data),
    acl: acls(n.acl),
    kind: n.kind,
    ttlMs: n.ttlMs,
    ephemeralOwner: n.ephemeralOwner.toString(),
    czxid: n.czxid,
    mzxid: n.mzxid,
    pzxid: n.pzxid,
    ctime: n.ctime,
    mtime: n.mtime,
    version: n.version,
    cversion: n.cversion,
    aversion: n.aversion,
  };
}

function node(j: NodeJson): NodeRecord {
  return {
    ...j,
    data: unb64(j.data),
    ephemeralOwner: BigInt(j.ephemeralOwner),
  };
}

function sessionJson(s: SessionRecord): SessionJson {
  return { id: s.id.toString(), password: b64(s.password), timeoutMs: s.timeoutMs };
}

function encodeOp(o: TxnOp): OpJson {
  switch (o.op) {
    case 'create':
      return { op: o.op, node: nodeJson(o.node), stat: statJson(o.stat) };
    case 'delete':
      return { op: o.op, path: o.path, stat: statJson(o.stat) };
    case 'setData':
      return {
        op: o.op,
        path: o.path,
        data: b64(o.data),
        version: o.version,
        stat: statJson(o.stat),
      };
    case 'setACL':
      return {
        op: o.op,
        path: o.path,
        acl: acls(o.acl),
        aversion: o.aversion,
        stat: statJson(o.stat),
      };
    case 'createSession':
      return { op: o.op, session: sessionJson(o.session) };
    case 'closeSession':
      return { op: o.op, sessionId: o.sessionId.toString() };
  }
}

function decodeOp(j: OpJson): TxnOp {
  switch (j.op) {
    case 'create':
      return { op: j.op, node: node(j.node), stat: stat(j.stat) };
    case 'delete':
      return { op: j.op, path: j.path, stat: stat(j.stat) };
    case 'setData':
      return {
        op: j.op,
        path: j.path,
        data: unb64(j.data),
        version: j.version,
        stat: stat(j.stat),
      };
    case 'setACL':
      return { op: j.op, path: j.path, acl: j.acl, aversion: j.aversion, stat: stat(j.stat) };
    case 'createSession': {
      const s = j.session;
      return {
        op: j.op,
        session: { id: BigInt(s.id), password: unb64(s.password), timeoutMs: s.timeoutMs },
      };
    }
    case 'closeSession':
      return { op: j.op, sessionId: BigInt(j.sessionId) };
    default:
      // Written by a newer version, or damaged: refuse rather than replay half a transaction.
      throw new Error(`unknown txn op ${JSON.stringify((j as { op?: unknown }).op)}`);
  }
}

/** A transaction's ops as the JSON text stored in `txn_log.payload`. */
export function encodeTxnOps(ops: readonly TxnOp[]): string {
  return JSON.stringify(ops.map(encodeOp));
}

export function decodeTxnOps(payload: string): TxnOp[] {
  const parsed: unknown = JSON.parse(payload);
  if (!Array.isArray(parsed)) throw new Error('txn payload is not a JSON array');
  return (parsed as OpJson[]).map(decodeOp);
}
