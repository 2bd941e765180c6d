import type { DeltaDiscoveryRequest__Output } from '@grpc/grpc-js-xds/build/src/generated/envoy/service/discovery/v3/DeltaDiscoveryRequest';
import type { DeltaDiscoveryResponse } from '@grpc/grpc-js-xds/build/src/generated/envoy/service/discovery/v3/DeltaDiscoveryResponse';
import { nodeIdentityOf } from './node-identity';
import { anyOf } from './resources/any';
import type { XdsClientState } from './xds-client-state';
import type { ResourceChanges, XdsSnapshot } from './xds-snapshot';
import { FULL_STATE_TYPES, RESOURCE_TYPES, type ResourceType } from './type-urls';

const WILDCARD = '*';

interface Subscription {
  wildcard: boolean;
  names: Set<string>;
  /** Name -> version the client holds (from its initial versions, then what it was sent). */
  known: Map<string, string>;
  nonce: string;
  version: string;
}

/**
 * One incremental (delta) ADS stream: subscriptions change by difference, and each response
 * carries only the resources the client does not have at their current version, plus the names
 * of those gone (or asked for and never there). ACK and NACK as in the state-of-the-world
 * stream, by nonce.
 */
export class DeltaSession {
  private readonly subs = new Map<ResourceType, Subscription>();
  private nonces = 0;

  constructor(
    private readonly snapshot: XdsSnapshot,
    private readonly client: XdsClientState,
    private readonly send: (response: DeltaDiscoveryResponse) => void,
  ) {}

  request(req: DeltaDiscoveryRequest__Output): void {
    if (req.node && !this.client.node) this.client.node = nodeIdentityOf(req.node);
    const type = req.type_url;
    if (!RESOURCE_TYPES.includes(type)) return;
    let sub = this.subs.get(type);
    if (!sub) {
      sub = {
        // A first request naming nothing is the legacy wildcard, for the types that have one.
        wildcard: req.resource_names_subscribe.length === 0 && FULL_STATE_TYPES.has(type),
        names: new Set(),
        known: new Map(Object.entries(req.initial_resource_versions)),
        nonce: '',
        version: '',
      };
      this.subs.set(type, sub);
    } else if (req.response_nonce !== '' && req.response_nonce === sub.nonce) {
      if (req.error_detail) this.client.nacked(type, sub.version, req.error_detail.message);
      else this.client.acked(type, sub.version);
    }
    const asked: string[] = [];
    for (const name of req.resource_names_subscribe) {
      if (name === WILDCARD) sub.wildcard = true;
      else if (!sub.names.has(name)) {
        sub.names.add(name);
        asked.push(name);
      }
    }
    for (const name of req.resource_names_unsubscribe) {
      if (name === WILDCARD) sub.wildcard = false;
      else sub.names.delete(name);
      sub.known.delete(name);
    }
    this.client.subscribed(type, sub.wildcard ? '*' : [...sub.names]);
    this.push(type, sub, asked);
  }

  changed(changes: ResourceChanges): void {
    for (const [type, sub] of this.subs) {
      const names = changes.get(type);
      if (names && (sub.wildcard || [...names].some((n) => sub.names.has(n))))
        this.push(type, sub, []);
    }
  }

  private push(type: ResourceType, sub: Subscription, asked: string[]): void {
    const wanted = new Set(sub.names);
    if (sub.wildcard) for (const n of this.snapshot.names(type)) wanted.add(n);
    const resources = [];
    const removed = new Set<string>();
    for (const name of [...wanted].sort()) {
      const r = this.snapshot.get(type, name);
      if (r && sub.known.get(name) !== r.version) resources.push(r);
      else if (!r && sub.known.has(name)) removed.add(name);
    }
    for (const name of sub.known.keys()) if (!wanted.has(name)) removed.add(name);
    for (const name of asked) if (!this.snapshot.get(type, name)) removed.add(name);
    if (resources.length === 0 && removed.size === 0) return;
    for (const r of resources) sub.known.set(r.name, r.version);
    for (const name of removed) sub.known.delete(name);
    sub.version = String(this.snapshot.version);
    sub.nonce = String(++this.nonces);
    this.client.sent(type, sub.version, sub.nonce);
    this.send({
      system_version_info: sub.version,
      type_url: type,
      nonce: sub.nonce,
      resources: resources.map((r) => ({
        name: r.name,
        version: r.version,
        resource: anyOf(type, r.body),
      })),
      removed_resources: [...removed],
    });
  }
}
