import { createHash } from 'node:crypto';
import type { NamedResource } from './resources/service-resources';
import type { ResourceType } from './type-urls';

export interface StoredResource {
  name: string;
  /** A hash of the content: the same resource has the same version on every replica. */
  version: string;
  body: object;
}

/** Resource names per type that an update added, changed or removed. */
export type ResourceChanges = Map<ResourceType, Set<string>>;

function versionOf(body: object): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 16);
}

/**
 * The xDS resources every stream serves, replaced one service at a time; `version` grows with
 * each update that changed anything, and subscribers hear which resources it changed.
 */
export class XdsSnapshot {
  private current = 0;
  private readonly byType = new Map<ResourceType, Map<string, StoredResource>>();
  private readonly ofService = new Map<string, NamedResource[]>();
  private readonly listeners = new Set<(changes: ResourceChanges) => void>();

  get version(): number {
    return this.current;
  }

  get(type: ResourceType, name: string): StoredResource | undefined {
    return this.byType.get(type)?.get(name);
  }

  names(type: ResourceType): string[] {
    return [...(this.byType.get(type)?.keys() ?? [])];
  }

  get services(): string[] {
    return [...this.ofService.keys()];
  }

  onChange(listener: (changes: ResourceChanges) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Each service's resources from now on (null: the service is gone), then one notification. */
  apply(updates: ReadonlyMap<string, NamedResource[] | null>): void {
    const changes: ResourceChanges = new Map();
    const changed = (type: ResourceType, name: string) => {
      let names = changes.get(type);
      if (!names) changes.set(type, (names = new Set()));
      names.add(name);
    };
    for (const [service, resources] of updates) {
      const before = this.ofService.get(service) ?? [];
      const next = resources ?? [];
      const kept = new Set(next.map((r) => `${r.type} ${r.name}`));
      for (const old of before) {
        if (kept.has(`${old.type} ${old.name}`)) continue;
        this.byType.get(old.type)?.delete(old.name);
        changed(old.type, old.name);
      }
      for (const r of next) {
        let ofType = this.byType.get(r.type);
        if (!ofType) this.byType.set(r.type, (ofType = new Map<string, StoredResource>()));
        const version = versionOf(r.body);
        if (ofType.get(r.name)?.version === version) continue;
        ofType.set(r.name, { name: r.name, version, body: r.body });
        changed(r.type, r.name);
      }
      if (resources) this.ofService.set(service, next);
      else this.ofService.delete(service);
    }
    if (changes.size === 0) return;
    this.current++;
    for (const listener of this.listeners) listener(changes);
  }
}
