import type { NodeIdentity } from './node-identity';
import { shortTypeName, type ResourceType } from './type-urls';

/** What one client was sent of one resource type, and what it said back. */
export interface TypeStatus {
  type: string;
  /** Resource names it subscribed to; `*` for all of them. */
  subscribed: string[];
  sentVersion: string | null;
  sentNonce: string | null;
  sentAt: number | null;
  ackedVersion: string | null;
  ackedAt: number | null;
  /** The last refusal, until a later version is ACKed. */
  nack: { version: string; message: string; at: number } | null;
}

export interface XdsClientInfo {
  id: number;
  protocol: 'sotw' | 'delta';
  peer: string;
  connectedAt: number;
  node: NodeIdentity | null;
  types: TypeStatus[];
}

/** One connected data-plane client as the dashboard lists it. */
export class XdsClientState {
  node: NodeIdentity | null = null;
  private readonly types = new Map<ResourceType, TypeStatus>();

  constructor(
    readonly id: number,
    readonly protocol: 'sotw' | 'delta',
    readonly peer: string,
    readonly connectedAt: number,
    private readonly now: () => number,
  ) {}

  subscribed(type: ResourceType, names: string[] | '*'): void {
    this.of(type).subscribed = names === '*' ? ['*'] : [...names].sort();
  }

  sent(type: ResourceType, version: string, nonce: string): void {
    Object.assign(this.of(type), { sentVersion: version, sentNonce: nonce, sentAt: this.now() });
  }

  acked(type: ResourceType, version: string): void {
    Object.assign(this.of(type), { ackedVersion: version, ackedAt: this.now(), nack: null });
  }

  nacked(type: ResourceType, version: string, message: string): void {
    this.of(type).nack = { version, message, at: this.now() };
  }

  info(): XdsClientInfo {
    return {
      id: this.id,
      protocol: this.protocol,
      peer: this.peer,
      connectedAt: this.connectedAt,
      node: this.node,
      types: [...this.types.values()].map((t) => ({ ...t, subscribed: [...t.subscribed] })),
    };
  }

  private of(type: ResourceType): TypeStatus {
    let t = this.types.get(type);
    if (!t) {
      t = {
        type: shortTypeName(type),
        subscribed: [],
        sentVersion: null,
        sentNonce: null,
        sentAt: null,
        ackedVersion: null,
        ackedAt: null,
        nack: null,
      };
      this.types.set(type, t);
    }
    return t;
  }
}
