import type { NodeIdentity, TypeStatus, XdsClientInfo } from './xds-client-info';
import { shortTypeName, type ResourceType } from './type-urls';

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
