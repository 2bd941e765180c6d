/**
 * The state of each recipe as its REST API, its Socket.IO events and the dashboard answer it:
 * plain shapes, with no dependency on how the recipes are served.
 */
import type { AssignorName } from '../../protocol/recipes/assignors';
import type { ServiceInstance as NodeInstance } from '../../protocol/recipes/service-instance';

/** An instance as the registry answers it: what its node says, and when the node was written. */
export interface ServiceInstance extends NodeInstance {
  registeredAt: number;
  updatedAt: number;
}

export interface ContenderJson {
  node: string;
  token: number;
  sessionId: string;
  owner: string;
  since: number;
}

export interface LockState {
  name: string;
  path: string;
  holder: ContenderJson | null;
  waiters: ContenderJson[];
}

export type LockMode = 'read' | 'write';

export interface RwContenderJson extends ContenderJson {
  mode: LockMode;
}

export interface RwLockState {
  name: string;
  path: string;
  readers: RwContenderJson[];
  writer: RwContenderJson | null;
  waiters: RwContenderJson[];
}

export interface SemaphoreState {
  name: string;
  path: string;
  maxLeases: number | null;
  holders: ContenderJson[];
  waiters: ContenderJson[];
}

export interface MemberJson {
  id: string;
  data: string;
  sessionId: string;
  since: number;
}

export interface CandidateJson {
  id: string;
  node: string;
  /** The latch node's czxid: grows with every new leader, so it serves as an epoch. */
  token: number;
  sessionId: string;
  since: number;
}

export interface ElectionState {
  group: string;
  members: MemberJson[];
  leader: CandidateJson | null;
  candidates: CandidateJson[];
}

export interface QueueStats {
  name: string;
  path: string;
  /** Items in the queue, counting those taken and not yet acked. */
  size: number;
  /** Items taken with ack and not yet acked. */
  pendingAck: number;
}

export interface ConsumerGroupState {
  group: string;
  members: Array<{ id: string; topics: string[]; assignor: AssignorName; sessionId: string }>;
  /** topic -> partition id -> owning member id. */
  owners: Record<string, Record<string, string>>;
}
