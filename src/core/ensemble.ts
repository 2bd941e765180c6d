/** One server clients may connect to. */
export interface EnsembleServer {
  /** ZooKeeper's server id (myid). */
  id: number;
  /** The host other servers and clients reach it by. */
  host: string;
  /** The address its ZooKeeper port is bound to, as ZooKeeper's clientPortAddress. */
  clientHost: string;
  clientPort: number;
}

export interface EnsembleConfig {
  servers: readonly EnsembleServer[];
  /** ZooKeeper's config version: the zxid at which this list took effect. */
  version: number;
}

/** Where the coordinator learns the servers of its ensemble: itself alone, or every replica. */
export interface EnsembleSource {
  current(): EnsembleConfig;
  /** Calls `listener` whenever the list changes; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

/** ZooKeeper's quorum and election ports: Zoonest has neither, the format needs both. */
const QUORUM_PORTS = '2888:3888';

const delimited = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/**
 * The configuration as ZooKeeper's QuorumVerifier writes it into /zookeeper/config:
 * `server.1=host:2888:3888:participant;clientHost:clientPort` per server, then `version=` in hex.
 */
export function formatEnsembleConfig(config: EnsembleConfig): string {
  const servers = [...config.servers]
    .sort((a, b) => a.id - b.id)
    .map(
      (s) =>
        `server.${s.id}=${delimited(s.host)}:${QUORUM_PORTS}:participant;` +
        `${delimited(s.clientHost)}:${s.clientPort}\n`,
    );
  return `${servers.join('')}version=${config.version.toString(16)}`;
}
