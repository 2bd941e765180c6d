import { readdirSync, readFileSync, statSync } from 'node:fs';
import { arch, freemem, hostname, release, totalmem, type, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Coordinator } from '../../core/coordinator';
import type { Settings } from '../../server/settings';
import type { WireStats } from './latency-stats';
import type { ServerFacts, SessionFacts } from './server-facts';
import { SERVER_VERSION_LINE } from './server-version';
import type { ZkConnection } from './zk-connection';

export interface FactSources {
  zk: Coordinator;
  settings: Settings;
  stats: WireStats;
  connections: Iterable<ZkConnection>;
  port: number;
  securePort: number;
  startedMs: number;
  mode: ServerFacts['mode'];
}

/** A snapshot of the server for the four-letter words, in ZooKeeper's terms. */
export function gatherServerFacts(s: FactSources): ServerFacts {
  const connections = [...s.connections];
  const { counts } = s.zk;
  const watchedPaths = new Set<string>();
  let watchingConnections = 0;
  for (const conn of connections) {
    const paths = s.zk.watchedPaths(conn);
    if (paths.length > 0) watchingConnections++;
    for (const p of paths) watchedPaths.add(p);
  }
  const facts = connections.map((c) => c.facts());
  const dirSize = directorySize(s.settings.dataDir);
  return {
    version: SERVER_VERSION_LINE,
    mode: s.mode,
    readOnly: false,
    lastZxid: s.zk.lastZxid,
    nodeCount: counts.nodes,
    ephemeralsCount: counts.ephemerals,
    approximateDataSize: s.zk.approximateDataSize(),
    latency: { minMs: s.stats.latency.min, avgMs: s.stats.latency.avg, maxMs: s.stats.latency.max },
    packetsReceived: s.stats.packetsReceived,
    packetsSent: s.stats.packetsSent,
    outstandingRequests: facts.reduce((n, c) => n + c.outstandingRequests, 0),
    uptimeMs: Date.now() - s.startedMs,
    connections: facts,
    watches: { connections: watchingConnections, paths: watchedPaths.size, total: counts.watches },
    sessions: { global: counts.sessions, local: 0 },
    conf: {
      clientPort: s.port,
      secureClientPort: s.securePort,
      dataDir: s.settings.dataDir,
      dataDirSize: dirSize,
      dataLogDir: s.settings.dataDir,
      dataLogSize: dirSize,
      // Zoonest has no tick; ZooKeeper's default minimum timeout is two ticks.
      tickTime: Math.round(s.settings.minSessionTimeoutMs / 2),
      maxClientCnxns: s.settings.zkMaxConnectionsPerIp,
      minSessionTimeout: s.settings.minSessionTimeoutMs,
      maxSessionTimeout: s.settings.maxSessionTimeoutMs,
      clientPortListenBacklog: -1,
      serverId: 0,
      extra: [
        ['jute.maxbuffer', s.settings.juteMaxBuffer],
        ['zoonest.maxMultiOps', s.settings.maxMultiOps],
        ['zoonest.database', s.settings.dbUrl ? 'postgresql' : 'sqlite'],
      ],
    },
    environment: environment(s.settings),
    fileDescriptors: fileDescriptors(),
  };
}

/** Sessions with their deadlines, ephemerals and watches, for dump, wchc and wchp. */
export function gatherSessionFacts(zk: Coordinator): SessionFacts {
  const sessions = zk.listSessions();
  const ephemerals = new Map<bigint, string[]>();
  for (const s of sessions) {
    const paths = zk.ephemeralPathsOf(s.id);
    if (paths.length > 0) ephemerals.set(s.id, paths);
  }
  return {
    expiry: sessions.map((s) => ({ sessionId: s.id, deadlineMs: s.deadline })),
    ephemerals,
    watches: zk.watchedPathsBySession(),
  };
}

/** envi's lines; Node's facts stand where ZooKeeper prints the JVM's. */
function environment(settings: Settings): Array<readonly [string, string]> {
  let user = '';
  let home = '';
  try {
    ({ username: user, homedir: home } = userInfo());
  } catch {
    // no passwd entry (some containers)
  }
  return [
    ['zookeeper.version', SERVER_VERSION_LINE],
    ['host.name', hostname()],
    ['node.version', process.version],
    ['os.name', type()],
    ['os.arch', arch()],
    ['os.version', release()],
    ['user.name', user],
    ['user.home', home],
    ['user.dir', process.cwd()],
    ['os.memory.free', `${Math.round(freemem() / 1048576)}MB`],
    ['os.memory.total', `${Math.round(totalmem() / 1048576)}MB`],
    ['zoonest.dataDir', settings.dataDir],
  ];
}

function directorySize(dir: string): number {
  try {
    return readdirSync(dir).reduce((n, name) => {
      const st = statSync(join(dir, name), { throwIfNoEntry: false });
      return n + (st?.isFile() ? st.size : 0);
    }, 0);
  } catch {
    return 0;
  }
}

/** Open and maximum descriptors from /proc, as ZooKeeper prints them on Unix; else none. */
function fileDescriptors(): { open: number; max: number } | undefined {
  try {
    const open = readdirSync('/proc/self/fd').length;
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const max = /^Max open files\s+(\d+)/m.exec(limits)?.[1];
    return max === undefined ? undefined : { open, max: Number(max) };
  } catch {
    return undefined;
  }
}
