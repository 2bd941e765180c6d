import { javaDouble, javaHex } from './java-format';
import type { ConnectionFacts, ServerFacts, ServerReport } from './server-facts';
import { formatDump, formatWchc, formatWchp } from './session-words';

/** Every word ZooKeeper recognises (FourLetterCommands); a connection opening with one is a command. */
export const FOUR_LETTER_WORDS = [
  'conf',
  'cons',
  'crst',
  'dirs',
  'dump',
  'envi',
  'gtmk',
  'ruok',
  'stmk',
  'srvr',
  'srst',
  'stat',
  'wchc',
  'wchp',
  'wchs',
  'mntr',
  'isro',
  'hash',
] as const;

export type FourLetterWord = (typeof FOUR_LETTER_WORDS)[number];

/** The words Zoonest answers when the whitelist lets it; gtmk, stmk and hash it never does. */
export const ANSWERED_WORDS = [
  'conf',
  'cons',
  'crst',
  'dirs',
  'dump',
  'envi',
  'isro',
  'mntr',
  'ruok',
  'srst',
  'srvr',
  'stat',
  'wchc',
  'wchp',
  'wchs',
] as const satisfies readonly FourLetterWord[];

export type AnsweredWord = (typeof ANSWERED_WORDS)[number];

const WORD_BY_INT = new Map<number, FourLetterWord>(
  FOUR_LETTER_WORDS.map((w) => [Buffer.from(w, 'latin1').readInt32BE(0), w]),
);

/** ZooKeeper reads the first 4 bytes as a length; a length that spells a word is a command. */
export function fourLetterWordOf(firstInt: number): FourLetterWord | undefined {
  return WORD_BY_INT.get(firstInt);
}

/** ZooKeeper's answer to a word outside 4lw.commands.whitelist. */
export function notInWhitelist(word: string): string {
  return `${word} is not executed because it is not in the whitelist.\n`;
}

export function isWhitelisted(
  word: FourLetterWord,
  whitelist: readonly AnsweredWord[],
): word is AnsweredWord {
  return (whitelist as readonly string[]).includes(word);
}

/** The text a whitelisted word answers with; the connection closes after sending it. */
export function answerFourLetterWord(word: AnsweredWord, report: ServerReport): string {
  switch (word) {
    case 'ruok':
      return 'imok';
    case 'isro':
      return report.facts().readOnly ? 'ro' : 'rw';
    case 'srvr':
      return formatSrvr(report.facts());
    case 'stat':
      return formatStat(report.facts());
    case 'mntr':
      return formatMntr(report.facts());
    case 'cons':
      return formatCons(report.facts());
    case 'wchs':
      return formatWchs(report.facts());
    case 'conf':
      return formatConf(report.facts());
    case 'envi':
      return formatEnvi(report.facts());
    case 'dirs':
      return formatDirs(report.facts());
    case 'dump':
      return formatDump(report.sessionFacts());
    case 'wchc':
      return formatWchc(report.sessionFacts());
    case 'wchp':
      return formatWchp(report.sessionFacts());
    case 'crst':
      report.resetConnectionStats();
      return 'Connection stats reset.\n';
    case 'srst':
      report.resetServerStats();
      return 'Server stats reset.\n';
  }
}

/** srvr: the version, ServerStats.toString() and the node count. */
export function formatSrvr(facts: ServerFacts): string {
  return versionLines(facts) + serverStatsLines(facts);
}

/** stat: srvr plus a brief line per connected client. */
export function formatStat(facts: ServerFacts): string {
  const clients = facts.connections.map((c) => `${connectionLine(c, true)}\n`).join('');
  return `${versionLines(facts)}Clients:\n${clients}\n${serverStatsLines(facts)}`;
}

/** cons: a full line per connection, then a blank line. */
export function formatCons(facts: ServerFacts): string {
  return `${facts.connections.map((c) => `${connectionLine(c, false)}\n`).join('')}\n`;
}

/** wchs: WatchManager's summary. */
export function formatWchs(facts: ServerFacts): string {
  const { connections, paths, total } = facts.watches;
  return `${connections} connections watching ${paths} paths\nTotal watches:${total}\n`;
}

/** conf: ZooKeeperServer.dumpConf for a standalone server. */
export function formatConf(facts: ServerFacts): string {
  const c = facts.conf;
  const lines: Array<readonly [string, string | number]> = [
    ['clientPort', c.clientPort],
    ['secureClientPort', c.secureClientPort],
    ['dataDir', c.dataDir],
    ['dataDirSize', c.dataDirSize],
    ['dataLogDir', c.dataLogDir],
    ['dataLogSize', c.dataLogSize],
    ['tickTime', c.tickTime],
    ['maxClientCnxns', c.maxClientCnxns],
    ['minSessionTimeout', c.minSessionTimeout],
    ['maxSessionTimeout', c.maxSessionTimeout],
    ['clientPortListenBacklog', c.clientPortListenBacklog],
    ['serverId', c.serverId],
    ...(c.extra ?? []),
  ];
  return lines.map(([k, v]) => `${k}=${v}\n`).join('');
}

/** dirs: the sizes of the data and log directories (one directory in Zoonest). */
export function formatDirs(facts: ServerFacts): string {
  return `datadir_size: ${facts.conf.dataDirSize}\nlogdir_size: ${facts.conf.dataLogSize}\n`;
}

export function formatEnvi(facts: ServerFacts): string {
  return `Environment:\n${facts.environment.map(([k, v]) => `${k}=${v}\n`).join('')}`;
}

/** mntr: "zk_<key>\t<value>" lines, version and state first as ZooKeeper 3.6+ prints them. */
export function formatMntr(facts: ServerFacts): string {
  const lines: Array<readonly [string, string | number]> = [
    ['version', facts.version],
    ['server_state', facts.mode],
    ['avg_latency', javaDouble(round4(facts.latency.avgMs))],
    ['max_latency', long(facts.latency.maxMs)],
    ['min_latency', long(facts.latency.minMs)],
    ['packets_received', facts.packetsReceived],
    ['packets_sent', facts.packetsSent],
    ['num_alive_connections', facts.connections.length],
    ['outstanding_requests', facts.outstandingRequests],
    ['uptime', long(facts.uptimeMs)],
    ['znode_count', facts.nodeCount],
    ['watch_count', facts.watches.total],
    ['ephemerals_count', facts.ephemeralsCount],
    ['approximate_data_size', facts.approximateDataSize],
    ['global_sessions', facts.sessions.global],
    ['local_sessions', facts.sessions.local],
  ];
  if (facts.fileDescriptors) {
    lines.push(['open_file_descriptor_count', facts.fileDescriptors.open]);
    lines.push(['max_file_descriptor_count', facts.fileDescriptors.max]);
  }
  return lines.map(([k, v]) => `zk_${k}\t${v}\n`).join('');
}

function versionLines(facts: ServerFacts): string {
  const readOnly = facts.readOnly ? 'READ-ONLY mode; serving only read-only clients\n' : '';
  return `Zookeeper version: ${facts.version}\n${readOnly}`;
}

/** ServerStats.toString(), then "Node count". */
function serverStatsLines(facts: ServerFacts): string {
  const { minMs, avgMs, maxMs } = facts.latency;
  return [
    `Latency min/avg/max: ${long(minMs)}/${javaDouble(round4(avgMs))}/${long(maxMs)}`,
    `Received: ${facts.packetsReceived}`,
    `Sent: ${facts.packetsSent}`,
    `Connections: ${facts.connections.length}`,
    `Outstanding: ${facts.outstandingRequests}`,
    `Zxid: 0x${javaHex(facts.lastZxid)}`,
    `Mode: ${facts.mode}`,
    `Node count: ${facts.nodeCount}`,
    '',
  ].join('\n');
}

/** ServerCnxn.dumpConnectionInfo: brief for stat, with session details for cons. */
function connectionLine(c: ConnectionFacts, brief: boolean): string {
  const ops = c.interestOps === 0 ? '0' : c.interestOps.toString(16);
  const fields = [
    `queued=${c.outstandingRequests}`,
    `recved=${c.packetsReceived}`,
    `sent=${c.packetsSent}`,
  ];
  if (!brief && c.sessionId !== 0n) {
    fields.push(
      `sid=0x${javaHex(c.sessionId)}`,
      `lop=${c.lastOperation}`,
      `est=${c.establishedMs}`,
      `to=${c.sessionTimeoutMs}`,
    );
    if (c.lastCxid >= 0) fields.push(`lcxid=0x${javaHex(c.lastCxid)}`);
    fields.push(
      `lzxid=0x${javaHex(c.lastZxid)}`,
      `lresp=${c.lastResponseMs}`,
      `llat=${long(c.lastLatencyMs)}`,
      `minlat=${long(c.minLatencyMs)}`,
      `avglat=${long(c.avgLatencyMs)}`,
      `maxlat=${long(c.maxLatencyMs)}`,
    );
  }
  return ` /${c.remoteAddress}:${c.remotePort}[${ops}](${fields.join(',')})`;
}

/** Latencies are Java longs: whole milliseconds. */
function long(v: number): string {
  return String(Math.trunc(v));
}

/** AvgMinMaxCounter.getAvg rounds to 4 places, half up. */
function round4(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}
