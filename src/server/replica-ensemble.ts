import type { EnsembleConfig, EnsembleServer } from '../core/ensemble';
import type { ReplicaReport } from '../persistence/cluster-store';
import { LocalEnsemble, type ServerEnsemble } from './local-ensemble';
import type { Settings } from './settings';

/** `host:port`, the host possibly an IPv6 address without brackets. */
function splitAddress(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at), port: Number(address.slice(at + 1)) };
}

/**
 * The ensemble of a cluster: every replica that reports itself, server ids 1..N by sorted name
 * (the same ids on every replica). Until the first replica list arrives, and on a standalone
 * server, which never gets one, it is this server alone, as LocalEnsemble serves it.
 */
export class ReplicaEnsemble implements ServerEnsemble {
  private readonly local: LocalEnsemble;
  private members?: EnsembleConfig;
  private readonly listeners = new Set<() => void>();

  constructor(settings: Pick<Settings, 'host' | 'zkPort'>) {
    this.local = new LocalEnsemble(settings);
    this.local.onChange(() => {
      if (!this.members) this.changed();
    });
  }

  current(): EnsembleConfig {
    return this.members ?? this.local.current();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  announce(clientPort: number): void {
    this.local.announce(clientPort);
  }

  /** The replicas now in the cluster; listeners hear of it only when the list changed. */
  follow(replicas: ReadonlyArray<Pick<ReplicaReport, 'name' | 'zkAddress'>>): void {
    const servers: EnsembleServer[] = [...replicas]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((r, i) => {
        const { host, port } = splitAddress(r.zkAddress);
        return { id: i + 1, host, clientHost: host, clientPort: port };
      });
    if (servers.length === 0) return;
    if (this.members && JSON.stringify(this.members.servers) === JSON.stringify(servers)) return;
    this.members = { servers, version: 0 };
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
