import type { Acl } from '../../../core/acl';
import type { Stat } from '../../../core/stat';
import type { ClientInfo } from './data-records';

/** ReplyHeader { int xid, long zxid, int err }: precedes every reply and notification. */
export interface ReplyHeader {
  xid: number;
  /** The last zxid the server has applied (the event's zxid for a notification). */
  zxid: number;
  /** A ZkCode; 0 for success. Clients read no body after a non-zero code. */
  err: number;
}

/** One entry of a MultiResponse; the creates that return a Stat answer as create2. */
export type MultiResult =
  | { type: 'create'; path: string }
  | { type: 'create2'; path: string; stat: Stat }
  | { type: 'delete' }
  | { type: 'setData'; stat: Stat }
  | { type: 'check' }
  | { type: 'getData'; data: Buffer; stat: Stat }
  | { type: 'getChildren'; children: string[] }
  /** In a failed multi: 0 for ops before the failing one, then its code, then RuntimeInconsistency. */
  | { type: 'error'; err: number };

/**
 * A reply body, keyed by the op name of the request it answers. Ops not listed here (delete,
 * deleteContainer, setWatches, checkWatches, removeWatches, auth, ping, closeSession) reply
 * with the header alone.
 */
export type ZkResponse =
  | { type: 'create'; path: string }
  | { type: 'create2' | 'createTTL' | 'createContainer'; path: string; stat: Stat }
  | { type: 'exists' | 'setData' | 'setACL'; stat: Stat }
  | { type: 'getData'; data: Buffer; stat: Stat }
  | { type: 'getACL'; acl: Acl[]; stat: Stat }
  | { type: 'getChildren'; children: string[] }
  | { type: 'getChildren2'; children: string[]; stat: Stat }
  | { type: 'sync'; path: string }
  | { type: 'multi' | 'multiRead'; results: MultiResult[] }
  | { type: 'getEphemerals'; ephemerals: string[] }
  | { type: 'getAllChildrenNumber'; totalNumber: number }
  | { type: 'whoAmI'; clientInfo: ClientInfo[] }
  /** ZooKeeper answers addWatch with an ErrorResponse of 0. */
  | { type: 'addWatch' }
  | { type: 'sasl'; token: Buffer };

export type ZkResponseType = ZkResponse['type'];
