import type { ServerFacts, ServerReport, SessionFacts } from '../server-facts';
import { adminCommandNames, runAdminCommand } from './admin-commands';

const facts = {
  version: '3.9.3-zoonest-0.1.0, built on 2026-01-01 00:00 UTC',
  mode: 'standalone',
  readOnly: false,
  lastZxid: 42,
  nodeCount: 5,
  ephemeralsCount: 1,
  approximateDataSize: 120,
  latency: { minMs: 0.2, avgMs: 1.234567, maxMs: 7.9 },
  packetsReceived: 40,
  packetsSent: 39,
  outstandingRequests: 0,
  uptimeMs: 60_000,
  connections: [],
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
  },
  environment: [['zookeeper.version', '3.9.3-zoonest-0.1.0']],
} satisfies ServerFacts;

const sessions: SessionFacts = {
  expiry: [
    { sessionId: 7n, deadlineMs: 2000 },
    { sessionId: 5n, deadlineMs: 1000 },
    { sessionId: 6n, deadlineMs: 2000 },
  ],
  ephemerals: new Map([[5n, ['/e']]]),
  watches: new Map([
    [5n, ['/a', '/b']],
    [6n, ['/b']],
  ]),
};

const resets: string[] = [];
const report: ServerReport = {
  facts: () => facts,
  sessionFacts: () => sessions,
  resetServerStats: () => resets.push('server'),
  resetConnectionStats: () => resets.push('connections'),
};
const ALL = [
  'conf',
  'crst',
  'cons',
  'dirs',
  'dump',
  'envi',
  'isro',
  'mntr',
  'ruok',
  'srvr',
] as const;
const run = (name: string) =>
  runAdminCommand(name, report, [...ALL, 'stat', 'srst', 'wchs', 'wchc', 'wchp']);

describe('AdminServer commands', () => {
  it('answers by any of its names, under the primary one', () => {
    expect(run('ruok')).toEqual({ status: 200, body: { command: 'ruok', error: null } });
    expect(run('mntr').body).toMatchObject({
      command: 'monitor',
      avg_latency: 1.2346,
      max_latency: 7,
    });
    expect(run('config').body).toMatchObject({ command: 'configuration', client_port: 2181 });
  });

  it('groups sessions by expiry time and names sessions by their decimal id', () => {
    expect(run('dump').body).toEqual({
      expiry_time_to_session_ids: { '1000': [5n], '2000': [7n, 6n] },
      session_id_to_ephemeral_paths: { '5': ['/e'] },
      command: 'dump',
      error: null,
    });
    expect(run('watches').body.session_id_to_watched_paths).toEqual({
      '5': ['/a', '/b'],
      '6': ['/b'],
    });
    expect(run('watches_by_path').body.path_to_session_ids).toEqual({ '/a': [5n], '/b': [5n, 6n] });
  });

  it('resets statistics with stat_reset and connection_stat_reset', () => {
    resets.length = 0;
    expect(run('stat_reset').body).toEqual({ command: 'stat_reset', error: null });
    expect(run('crst').body).toEqual({ command: 'connection_stat_reset', error: null });
    expect(resets).toEqual(['server', 'connections']);
  });

  it('refuses a command whose four-letter word is not whitelisted, and runs nothing', () => {
    resets.length = 0;
    expect(runAdminCommand('stat_reset', report, ['srvr'])).toEqual({
      status: 403,
      body: {
        command: 'stat_reset',
        error: 'srst is not executed because it is not in the whitelist.',
      },
    });
    expect(resets).toEqual([]);
  });

  it('answers an unknown command as ZooKeeper does', () => {
    expect(run('lead')).toEqual({
      status: 200,
      body: { command: 'lead', error: 'Unknown command: lead' },
    });
  });

  it('lists each command once, by its primary name', () => {
    expect(adminCommandNames()).toEqual([
      'configuration',
      'connection_stat_reset',
      'connections',
      'dirs',
      'dump',
      'environment',
      'is_read_only',
      'monitor',
      'ruok',
      'server_stats',
      'stat_reset',
      'stats',
      'watch_summary',
      'watches',
      'watches_by_path',
    ]);
  });
});
