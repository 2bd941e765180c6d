/** One client connection as the stat and cons words print it (ServerCnxn.dumpConnectionInfo). */
export interface ConnectionFacts {
  remoteAddress: string;
  /** Came in on the secure client port (ZooKeeper lists it under secure_connections). */
  secure: boolean;
  remotePort: number;
  /** NIO interest ops ZooKeeper prints in brackets: 1 while reading, 0 while throttled. */
  interestOps: number;
  outstandingRequests: number;
  packetsReceived: number;
  packetsSent: number;
  /** 0n before the handshake; cons then prints no session details. */
  sessionId: bigint;
  /** ZooKeeper's short name of the last op, e.g. GETD, PING; "NA" before any. */
  lastOperation: string;
  establishedMs: number;
  sessionTimeoutMs: number;
  /** -1 before the first request. */
  lastCxid: number;
  /** -1 before the first reply. */
  lastZxid: number;
  lastResponseMs: number;
  lastLatencyMs: number;
  minLatencyMs: number;
  avgLatencyMs: number;
  maxLatencyMs: number;
}

/** What the conf word prints (ZooKeeperServer.dumpConf), in ZooKeeper's names. */
export interface ConfFacts {
  clientPort: number;
  /** -1 without a TLS port. */
  secureClientPort: number;
  dataDir: string;
  dataDirSize: number;
  dataLogDir: string;
  dataLogSize: number;
  tickTime: number;
  maxClientCnxns: number;
  minSessionTimeout: number;
  maxSessionTimeout: number;
  clientPortListenBacklog: number;
  serverId: number;
  /** Zoonest's own settings, printed after ZooKeeper's as key=value. */
  extra?: ReadonlyArray<readonly [string, string | number]>;
}

/** A snapshot of the server for the four-letter words; gathered by the caller, printed here. */
export interface ServerFacts {
  /** Printed after "Zookeeper version: ", e.g. "3.9.3-zoonest-0.1.0, built on 2026-01-01". */
  version: string;
  /** ZooKeeper's names: a replica that runs session expiry is the leader, the others follow. */
  mode: 'standalone' | 'leader' | 'follower';
  readOnly: boolean;
  lastZxid: number;
  nodeCount: number;
  ephemeralsCount: number;
  approximateDataSize: number;
  latency: { minMs: number; avgMs: number; maxMs: number };
  packetsReceived: number;
  packetsSent: number;
  outstandingRequests: number;
  uptimeMs: number;
  connections: readonly ConnectionFacts[];
  watches: { connections: number; paths: number; total: number };
  sessions: { global: number; local: number };
  conf: ConfFacts;
  /** The envi word's lines, in order (zookeeper.version, host.name, os.name, ...). */
  environment: ReadonlyArray<readonly [string, string]>;
  /** Printed by mntr when known (ZooKeeper prints them on Unix only). */
  fileDescriptors?: { open: number; max: number };
}

/** Who holds what, for dump, wchc and wchp: gathered only when one of them asks. */
export interface SessionFacts {
  /** Each live session and when it expires unless heard from (epoch milliseconds). */
  expiry: ReadonlyArray<{ sessionId: bigint; deadlineMs: number }>;
  /** Each session's ephemeral nodes, sessions without any left out. */
  ephemerals: ReadonlyMap<bigint, readonly string[]>;
  /** Each session's watched paths, sorted. */
  watches: ReadonlyMap<bigint, readonly string[]>;
}

/** What the four-letter words and the AdminServer commands read, and the two they reset. */
export interface ServerReport {
  facts(): ServerFacts;
  sessionFacts(): SessionFacts;
  /** srst: the server's packet counts and latencies start again from zero. */
  resetServerStats(): void;
  /** crst: every connection's packet counts, latencies and last operation start again. */
  resetConnectionStats(): void;
}
