import {
  ANSWERED_WORDS,
  FOUR_LETTER_WORDS,
  answerFourLetterWord,
  fourLetterWordOf,
  isWhitelisted,
  notInWhitelist,
  type AnsweredWord,
} from './four-letter-words';
import type { ConnectionFacts, ServerFacts, SessionFacts } from './server-facts';

const firstInt = (s: string) => Buffer.from(s, 'latin1').readInt32BE(0);

const idle: ConnectionFacts = {
  remoteAddress: '127.0.0.1',
  secure: false,
  remotePort: 50000,
  interestOps: 1,
  outstandingRequests: 0,
  packetsReceived: 1,
  packetsSent: 0,
  sessionId: 0n,
  lastOperation: 'NA',
  establishedMs: 0,
  sessionTimeoutMs: 0,
  lastCxid: -1,
  lastZxid: -1,
  lastResponseMs: 0,
  lastLatencyMs: 0,
  minLatencyMs: 0,
  avgLatencyMs: 0,
  maxLatencyMs: 0,
};

const session: ConnectionFacts = {
  ...idle,
  remotePort: 50001,
  packetsReceived: 12,
  packetsSent: 11,
  sessionId: 0x100000000000003n,
  lastOperation: 'GETD',
  establishedMs: 1_700_000_000_000,
  sessionTimeoutMs: 30000,
  lastCxid: 10,
  lastZxid: 0x2a,
  lastResponseMs: 1_700_000_000_500,
  lastLatencyMs: 1,
  minLatencyMs: 0,
  avgLatencyMs: 1.6,
  maxLatencyMs: 4,
};

const facts: ServerFacts = {
  version: '3.9.3-zoonest-0.1.0, built on 2026-01-01 00:00 UTC',
  mode: 'standalone',
  readOnly: false,
  lastZxid: 0x2a,
  nodeCount: 5,
  ephemeralsCount: 1,
  approximateDataSize: 120,
  latency: { minMs: 0, avgMs: 0.123456, maxMs: 7 },
  packetsReceived: 40,
  packetsSent: 39,
  outstandingRequests: 0,
  uptimeMs: 60_000,
  connections: [idle, session],
  watches: { connections: 1, paths: 2, total: 3 },
  sessions: { global: 1, local: 0 },
  conf: {
    clientPort: 2181,
    secureClientPort: -1,
    dataDir: '/data',
    dataDirSize: 4096,
    dataLogDir: '/data',
    dataLogSize: 4096,
    tickTime: 2000,
    maxClientCnxns: 60,
    minSessionTimeout: 4000,
    maxSessionTimeout: 40000,
    clientPortListenBacklog: -1,
    serverId: 0,
    extra: [['jute.maxbuffer', 1048576]],
  },
  environment: [
    ['zookeeper.version', '3.9.3-zoonest-0.1.0'],
    ['os.name', 'Linux'],
  ],
};

const SERVER_STATS = `Latency min/avg/max: 0/0.1235/7
Received: 40
Sent: 39
Connections: 2
Outstanding: 0
Zxid: 0x2a
Mode: standalone
Node count: 5
`;

const sessions: SessionFacts = {
  expiry: [
    { sessionId: 0x100000000000003n, deadlineMs: Date.UTC(2026, 11, 4, 20, 49, 48) },
    { sessionId: 0x100000000000004n, deadlineMs: Date.UTC(2026, 11, 4, 20, 49, 48) },
    { sessionId: 0x100000000000005n, deadlineMs: Date.UTC(2026, 11, 4, 20, 49, 46) },
  ],
  ephemerals: new Map([[0x100000000000003n, ['/x/e', '/x/f']]]),
  watches: new Map([
    [0x100000000000003n, ['/a', '/x']],
    [0x100000000000004n, ['/x']],
  ]),
};

const resets: string[] = [];
const answer = (word: AnsweredWord, f: ServerFacts = facts) =>
  answerFourLetterWord(word, {
    facts: () => f,
    sessionFacts: () => sessions,
    resetServerStats: () => resets.push('server'),
    resetConnectionStats: () => resets.push('connections'),
  });

describe('four-letter words', () => {
  it('recognises every word ZooKeeper knows by the first int of a connection', () => {
    for (const word of FOUR_LETTER_WORDS) expect(fourLetterWordOf(firstInt(word))).toBe(word);
    expect(fourLetterWordOf(firstInt('ruok'))).toBe('ruok');
    expect(fourLetterWordOf(0x2c)).toBeUndefined();
    expect(fourLetterWordOf(firstInt('RUOK'))).toBeUndefined();
  });

  it('answers ruok with imok and isro with rw, without a newline', () => {
    expect(answer('ruok')).toBe('imok');
    expect(answer('isro')).toBe('rw');
    expect(answer('isro', { ...facts, readOnly: true })).toBe('ro');
  });

  it('prints srvr as ZooKeeper does', () => {
    expect(answer('srvr')).toBe(
      `Zookeeper version: 3.9.3-zoonest-0.1.0, built on 2026-01-01 00:00 UTC\n${SERVER_STATS}`,
    );
  });

  it('prints stat with a brief line per client', () => {
    expect(answer('stat')).toBe(
      'Zookeeper version: 3.9.3-zoonest-0.1.0, built on 2026-01-01 00:00 UTC\n' +
        'Clients:\n' +
        ' /127.0.0.1:50000[1](queued=0,recved=1,sent=0)\n' +
        ' /127.0.0.1:50001[1](queued=0,recved=12,sent=11)\n' +
        '\n' +
        SERVER_STATS,
    );
  });

  it('prints cons with session details for connections that have a session', () => {
    expect(answer('cons')).toBe(
      ' /127.0.0.1:50000[1](queued=0,recved=1,sent=0)\n' +
        ' /127.0.0.1:50001[1](queued=0,recved=12,sent=11,sid=0x100000000000003,lop=GETD,' +
        'est=1700000000000,to=30000,lcxid=0xa,lzxid=0x2a,lresp=1700000000500,llat=1,' +
        'minlat=0,avglat=1,maxlat=4)\n' +
        '\n',
    );
  });

  it('prints wchs as the watch summary', () => {
    expect(answer('wchs')).toBe('1 connections watching 2 paths\nTotal watches:3\n');
  });

  it('prints conf as key=value lines, ZooKeeper keys first', () => {
    expect(answer('conf').split('\n')).toEqual([
      'clientPort=2181',
      'secureClientPort=-1',
      'dataDir=/data',
      'dataDirSize=4096',
      'dataLogDir=/data',
      'dataLogSize=4096',
      'tickTime=2000',
      'maxClientCnxns=60',
      'minSessionTimeout=4000',
      'maxSessionTimeout=40000',
      'clientPortListenBacklog=-1',
      'serverId=0',
      'jute.maxbuffer=1048576',
      '',
    ]);
  });

  it('prints envi under its heading', () => {
    expect(answer('envi')).toBe(
      'Environment:\nzookeeper.version=3.9.3-zoonest-0.1.0\nos.name=Linux\n',
    );
  });

  it('prints mntr as tab-separated zk_ lines', () => {
    const lines = answer('mntr', { ...facts, fileDescriptors: { open: 30, max: 1024 } })
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(lines).toEqual([
      ['zk_version', '3.9.3-zoonest-0.1.0, built on 2026-01-01 00:00 UTC'],
      ['zk_server_state', 'standalone'],
      ['zk_avg_latency', '0.1235'],
      ['zk_max_latency', '7'],
      ['zk_min_latency', '0'],
      ['zk_packets_received', '40'],
      ['zk_packets_sent', '39'],
      ['zk_num_alive_connections', '2'],
      ['zk_outstanding_requests', '0'],
      ['zk_uptime', '60000'],
      ['zk_znode_count', '5'],
      ['zk_watch_count', '3'],
      ['zk_ephemerals_count', '1'],
      ['zk_approximate_data_size', '120'],
      ['zk_global_sessions', '1'],
      ['zk_local_sessions', '0'],
      ['zk_open_file_descriptor_count', '30'],
      ['zk_max_file_descriptor_count', '1024'],
    ]);
  });

  it('prints dump as sessions by expiry, then their ephemeral nodes', () => {
    expect(answer('dump')).toBe(
      'SessionTracker dump:\n' +
        'Session Sets (2)/(3):\n' +
        '1 expire at Fri Dec 04 20:49:46 UTC 2026:\n' +
        '\t0x100000000000005\n' +
        '2 expire at Fri Dec 04 20:49:48 UTC 2026:\n' +
        '\t0x100000000000003\n' +
        '\t0x100000000000004\n' +
        'ephemeral nodes dump:\n' +
        'Sessions with Ephemerals (1):\n' +
        '0x100000000000003:\n' +
        '\t/x/e\n' +
        '\t/x/f\n' +
        'Connections dump:\n',
    );
  });

  it('prints watches by session in wchc and by path in wchp', () => {
    expect(answer('wchc')).toBe('0x100000000000003\n\t/a\n\t/x\n0x100000000000004\n\t/x\n\n');
    expect(answer('wchp')).toBe(
      '/a\n\t0x100000000000003\n/x\n\t0x100000000000003\n\t0x100000000000004\n\n',
    );
  });

  it('prints dirs and resets statistics with crst and srst', () => {
    expect(answer('dirs')).toBe('datadir_size: 4096\nlogdir_size: 4096\n');
    resets.length = 0;
    expect(answer('crst')).toBe('Connection stats reset.\n');
    expect(answer('srst')).toBe('Server stats reset.\n');
    expect(resets).toEqual(['connections', 'server']);
  });

  it('answers only whitelisted words, and never gtmk, stmk or hash', () => {
    const never = FOUR_LETTER_WORDS.filter(
      (w) => !(ANSWERED_WORDS as readonly string[]).includes(w),
    );
    expect(never).toEqual(['gtmk', 'stmk', 'hash']);
    expect(isWhitelisted('dump', ['srvr'])).toBe(false);
    expect(isWhitelisted('dump', ['dump', 'srvr'])).toBe(true);
    expect(isWhitelisted('gtmk', [...ANSWERED_WORDS])).toBe(false);
    expect(notInWhitelist('dump')).toBe(
      'dump is not executed because it is not in the whitelist.\n',
    );
  });
});
