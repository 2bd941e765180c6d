import type { DiscoveryRequest__Output } from '@grpc/grpc-js-xds/build/src/generated/envoy/service/discovery/v3/DiscoveryRequest';
import type { DiscoveryResponse } from '@grpc/grpc-js-xds/build/src/generated/envoy/service/discovery/v3/DiscoveryResponse';
import { nodeIdentityOf } from './node-identity';
import { anyOf } from './resources/any';
import type { XdsClientState } from './xds-client-state';
import type { ResourceChanges, XdsSnapshot } from './xds-snapshot';
import { FULL_STATE_TYPES, RESOURCE_TYPES, type ResourceType } from './type-urls';

interface Subscription {
  /** null: every resource of the type (a wildcard LDS or CDS request). */
  names: Set<string> | null;
  /** Name -> version of what the last response held. */
  sent: Map<string, string>;
  nonce: string;
  version: string;
}

function sameNames(a: Set<string> | null, b: Set<string> | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && [...a].every((n) => b.has(n));
}

function sameVersions(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([n, v]) => b.get(n) === v);
}

/**
 * One state-of-the-world ADS stream: each response carries every subscribed resource of its
 * type. A request whose nonce is the last one sent ACKs it (or NACKs it, with an error); one
 * with an older nonce answers a response it had not seen yet and is ignored, as the protocol
 * says. A NACKed version is not sent again; the next change is.
 */
export class SotwSession {
  private readonly subs = new Map<ResourceType, Subscription>();
  private nonces = 0;

  constructor(
    private readonly snapshot: XdsSnapshot,
    private readonly client: XdsClientState,
    private readonly send: (response: DiscoveryResponse) => void,
  ) {}

  request(req: DiscoveryRequest__Output): void {
    if (req.node && !this.client.node) this.client.node = nodeIdentityOf(req.node);
    const type = req.type_url;
    if (!RESOURCE_TYPES.includes(type)) return;
    const sub = this.subs.get(type);
    if (sub && req.response_nonce !== '') {
      if (req.response_nonce !== sub.nonce) return;
      if (req.error_detail) this.client.nacked(type, sub.version, req.error_detail.message);
      else this.client.acked(type, req.version_info);
    }
    // Naming nothing means every resource only in a first request (later it unsubscribes all).
    const wildcard =
      req.resource_names.includes('*') ||
      (!sub && req.resource_names.length === 0 && FULL_STATE_TYPES.has(type));
    const names = wildcard ? null : new Set(req.resource_names);
    this.client.subscribed(type, names ? [...names] : '*');
    if (!sub) {
      const fresh: Subscription = { names, sent: new Map(), nonce: '', version: '' };
      this.subs.set(type, fresh);
      this.push(type, fresh, true);
    } else if (!sameNames(sub.names, names)) {
      sub.names = names;
      this.push(type, sub, false);
    }
  }

  changed(changes: ResourceChanges): void {
    for (const [type, sub] of this.subs) {
      const names = changes.get(type);
      if (!names) continue;
      if (sub.names === null || [...names].some((n) => sub.names?.has(n) || sub.sent.has(n)))
        this.push(type, sub, false);
    }
  }

  private push(type: ResourceType, sub: Subscription, always: boolean): void {
    const names = sub.names ?? new Set(this.snapshot.names(type));
    const resources = [...names]
      .sort()
      .map((n) => this.snapshot.get(type, n))
      .filter((r) => r !== undefined);
    const versions = new Map(resources.map((r) => [r.name, r.version]));
    if (!always && sameVersions(sub.sent, versions)) return;
    sub.sent = versions;
    sub.version = String(this.snapshot.version);
    sub.nonce = String(++this.nonces);
    this.client.sent(type, sub.version, sub.nonce);
    this.send({
      version_info: sub.version,
      type_url: type,
      nonce: sub.nonce,
      resources: resources.map((r) => anyOf(type, r.body)),
    });
  }
}
