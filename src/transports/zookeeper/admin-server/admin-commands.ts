import { isWhitelisted, notInWhitelist, type AnsweredWord } from '../four-letter-words';
import type { ConnectionFacts, ServerFacts, ServerReport } from '../server-facts';
import { watchersByPath } from '../session-words';

type Fields = Record<string, unknown>;

/** One of ZooKeeper's AdminServer commands: its names (primary first) and its four-letter word. */
interface AdminCommand {
  names: readonly string[];
  word: AnsweredWord;
  run(report: ServerReport): Fields;
}

/** A session id as a JSON object key: the Java long in decimal. */
const idKey = (id: bigint) => String(BigInt.asIntN(64, id));

/** No reply sizes are measured; ZooKeeper reports -1 before its first reply. */
const CLIENT_RESPONSE = { last_buffer_size: -1, min_buffer_size: -1, max_buffer_size: -1 };

function connectionInfo(c: ConnectionFacts, brief: boolean): Fields {
  const info: Fields = {
    remote_socket_address: `${c.remoteAddress}:${c.remotePort}`,
    interest_ops: c.interestOps,
    outstanding_requests: c.outstandingRequests,
    packets_received: c.packetsReceived,
    packets_sent: c.packetsSent,
  };
  if (brief) return info;
  return {
    ...info,
    session_id: c.sessionId,
    last_operation: c.lastOperation,
    established: c.establishedMs,
    session_timeout: c.sessionTimeoutMs,
    last_cxid: c.lastCxid,
    last_zxid: c.lastZxid,
    last_response_time: c.lastResponseMs,
    last_latency: Math.trunc(c.lastLatencyMs),
    min_latency: Math.trunc(c.minLatencyMs),
    avg_latency: Math.trunc(c.avgLatencyMs),
    max_latency: Math.trunc(c.maxLatencyMs),
  };
}

/** SrvrCommand: the version, ServerStats and the node count. */
function serverStats(f: ServerFacts): Fields {
  return {
    version: f.version,
    read_only: f.readOnly,
    server_stats: {
      packets_sent: f.packetsSent,
      packets_received: f.packetsReceived,
      fsync_threshold_exceed_count: 0,
      client_response_stats: CLIENT_RESPONSE,
      data_dir_size: f.conf.dataDirSize,
      log_dir_size: f.conf.dataLogSize,
      provider_null: false,
      server_state: f.mode,
      last_processed_zxid: f.lastZxid,
      outstanding_requests: f.outstandingRequests,
      avg_latency: Math.round(f.latency.avgMs * 10_000) / 10_000,
      max_latency: Math.trunc(f.latency.maxMs),
      min_latency: Math.trunc(f.latency.minMs),
      num_alive_client_connections: f.connections.length,
      uptime: f.uptimeMs,
      auth_failed_count: 0,
      non_mtlsremote_conn_count: 0,
      non_mtlslocal_conn_count: 0,
    },
    client_response: CLIENT_RESPONSE,
    node_count: f.nodeCount,
  };
}

/** mntr's figures under the same names, as numbers. */
function monitor(f: ServerFacts): Fields {
  return {
    version: f.version,
    server_state: f.mode,
    avg_latency: Math.round(f.latency.avgMs * 10_000) / 10_000,
    max_latency: Math.trunc(f.latency.maxMs),
    min_latency: Math.trunc(f.latency.minMs),
    packets_received: f.packetsReceived,
    packets_sent: f.packetsSent,
    num_alive_connections: f.connections.length,
    outstanding_requests: f.outstandingRequests,
    uptime: f.uptimeMs,
    znode_count: f.nodeCount,
    watch_count: f.watches.total,
    ephemerals_count: f.ephemeralsCount,
    approximate_data_size: f.approximateDataSize,
    global_sessions: f.sessions.global,
    local_sessions: f.sessions.local,
    auth_failed_count: 0,
    ...(f.fileDescriptors && {
      open_file_descriptor_count: f.fileDescriptors.open,
      max_file_descriptor_count: f.fileDescriptors.max,
    }),
  };
}

/** ZooKeeper 3.8's commands (Commands.java) that Zoonest answers, each gated by its word. */
export const ADMIN_COMMANDS: readonly AdminCommand[] = [
  {
    names: ['configuration', 'conf', 'config'],
    word: 'conf',
    run: (r) => {
      const c = r.facts().conf;
      return {
        client_port: c.clientPort,
        data_dir: c.dataDir,
        data_log_dir: c.dataLogDir,
        tick_time: c.tickTime,
        max_client_cnxns: c.maxClientCnxns,
        min_session_timeout: c.minSessionTimeout,
        max_session_timeout: c.maxSessionTimeout,
        server_id: c.serverId,
        client_port_listen_backlog: c.clientPortListenBacklog,
      };
    },
  },
  {
    names: ['connection_stat_reset', 'crst'],
    word: 'crst',
    run: (r) => {
      r.resetConnectionStats();
      return {};
    },
  },
  {
    names: ['connections', 'cons'],
    word: 'cons',
    run: (r) => {
      const f = r.facts();
      return {
        connections: f.connections.filter((c) => !c.secure).map((c) => connectionInfo(c, false)),
        secure_connections: f.connections
          .filter((c) => c.secure)
          .map((c) => connectionInfo(c, false)),
      };
    },
  },
  {
    names: ['dirs'],
    word: 'dirs',
    run: (r) => {
      const c = r.facts().conf;
      return { datadir_size: c.dataDirSize, logdir_size: c.dataLogSize };
    },
  },
  {
    names: ['dump'],
    word: 'dump',
    run: (r) => {
      const s = r.sessionFacts();
      const expiry: Record<string, bigint[]> = {};
      for (const { sessionId, deadlineMs } of [...s.expiry].sort(
        (a, b) => a.deadlineMs - b.deadlineMs,
      )) {
        (expiry[String(deadlineMs)] ??= []).push(sessionId);
      }
      return {
        expiry_time_to_session_ids: expiry,
        session_id_to_ephemeral_paths: Object.fromEntries(
          [...s.ephemerals].map(([id, paths]) => [idKey(id), paths]),
        ),
      };
    },
  },
  {
    names: ['environment', 'env', 'envi'],
    word: 'envi',
    run: (r) => Object.fromEntries(r.facts().environment),
  },
  {
    names: ['is_read_only', 'isro'],
    word: 'isro',
    run: (r) => ({ read_only: r.facts().readOnly }),
  },
  { names: ['monitor', 'mntr'], word: 'mntr', run: (r) => monitor(r.facts()) },
  { names: ['ruok'], word: 'ruok', run: () => ({}) },
  { names: ['server_stats', 'srvr'], word: 'srvr', run: (r) => serverStats(r.facts()) },
  {
    names: ['stats', 'stat'],
    word: 'stat',
    run: (r) => {
      const f = r.facts();
      return {
        ...serverStats(f),
        connections: f.connections.filter((c) => !c.secure).map((c) => connectionInfo(c, true)),
        secure_connections: f.connections
          .filter((c) => c.secure)
          .map((c) => connectionInfo(c, true)),
      };
    },
  },
  {
    names: ['stat_reset', 'srst'],
    word: 'srst',
    run: (r) => {
      r.resetServerStats();
      return {};
    },
  },
  {
    names: ['watch_summary', 'wchs'],
    word: 'wchs',
    run: (r) => {
      const { connections, paths, total } = r.facts().watches;
      return { num_connections: connections, num_paths: paths, num_total_watches: total };
    },
  },
  {
    names: ['watches', 'wchc'],
    word: 'wchc',
    run: (r) => ({
      session_id_to_watched_paths: Object.fromEntries(
        [...r.sessionFacts().watches].map(([id, paths]) => [idKey(id), paths]),
      ),
    }),
  },
  {
    names: ['watches_by_path', 'wchp'],
    word: 'wchp',
    run: (r) => ({ path_to_session_ids: Object.fromEntries(watchersByPath(r.sessionFacts())) }),
  },
];

const BY_NAME = new Map(ADMIN_COMMANDS.flatMap((c) => c.names.map((n) => [n, c] as const)));

export interface AdminAnswer {
  /** 200, as ZooKeeper answers even an unknown command; 403 outside the whitelist. */
  status: 200 | 403;
  body: Fields;
}

/** Runs a command by any of its names, as JettyAdminServer's CommandServlet does. */
export function runAdminCommand(
  name: string,
  report: ServerReport,
  whitelist: readonly AnsweredWord[],
): AdminAnswer {
  const command = BY_NAME.get(name);
  if (!command) return { status: 200, body: { command: name, error: `Unknown command: ${name}` } };
  const primary = command.names[0];
  if (!isWhitelisted(command.word, whitelist)) {
    const error = notInWhitelist(command.word).trimEnd();
    return { status: 403, body: { command: primary, error } };
  }
  return { status: 200, body: { ...command.run(report), command: primary, error: null } };
}

/** The primary names, sorted, for the index page. */
export function adminCommandNames(): string[] {
  return ADMIN_COMMANDS.map((c) => c.names[0] as string).sort();
}
