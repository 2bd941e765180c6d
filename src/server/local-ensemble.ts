import { hostname } from 'node:os';
import type { EnsembleConfig, EnsembleServer, EnsembleSource } from '../core/ensemble';
import type { Settings } from './settings';

/** The ensemble as this process serves it; the ZooKeeper listener says where it is bound. */
export interface ServerEnsemble extends EnsembleSource {
  /** The ZooKeeper port is bound (settings.zkPort may be 0). */
  announce(clientPort: number): void;
}

const WILDCARDS = new Set(['0.0.0.0', '::']);

/** Where others reach a server bound to `host`: this machine's name when bound to every interface. */
export function reachableHost(host: string): string {
  return WILDCARDS.has(host) ? hostname() : host;
}

/**
 * A server running alone: an ensemble of one, server 1, reached at the bind address (or, bound to
 * every interface, at this machine's host name, as ZooKeeper's clientPortAddress 0.0.0.0 is).
 */
export class LocalEnsemble implements ServerEnsemble {
  private self: EnsembleServer;
  private readonly listeners = new Set<() => void>();

  constructor(settings: Pick<Settings, 'host' | 'zkPort'>) {
    this.self = {
      id: 1,
      host: reachableHost(settings.host),
      clientHost: settings.host,
      clientPort: settings.zkPort,
    };
  }

  current(): EnsembleConfig {
    return { servers: [this.self], version: 0 };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  announce(clientPort: number): void {
    if (clientPort === this.self.clientPort) return;
    this.self = { ...this.self, clientPort };
    for (const listener of this.listeners) listener();
  }
}
