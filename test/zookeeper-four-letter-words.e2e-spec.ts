import type { RunningServer } from '../src/server/start-server';
import { startTestServer } from './support/test-server';
import { freePort } from './support/server-process';
import { removeTempDirs, tempDir } from './support/temp-dir';
import { closeZkClients, connectZk, nzk, type ZkTestClient } from './support/zookeeper-client';
import { findZooKeeper } from './support/zookeeper-install';
import { startZooKeeper, type ZooKeeperProcess } from './support/zookeeper-standalone';
import { closeWireConnections, fourLetterWord, WireConnection } from './support/zookeeper-wire';

const install = findZooKeeper();
/** Both servers run with this whitelist: every word Zoonest answers but isro. */
const WHITELIST = 'ruok,srvr,stat,mntr,cons,wchs,wchc,wchp,conf,envi,dirs,dump,crst,srst';
const describeWithZooKeeper = install ? describe : describe.skip;

/** The labels of "label: value" or "key=value" or "key\tvalue" lines, in order. */
const labels = (text: string, sep: RegExp) =>
  text
    .split('\n')
    .filter((l) => sep.test(l))
    .map((l) => l.split(sep)[0]);

/** The same nodes, an ephemeral and three watches, on either server. */
async function populate(connectString: string): Promise<ZkTestClient> {
  const client = await connectZk(connectString, { sessionTimeout: 12_000 });
  await client.create('/fl', 'abc');
  await client.create('/fl/eph', null, { mode: nzk.CreateMode.EPHEMERAL });
  await client.getData('/fl', () => undefined);
  await client.getChildren('/fl', () => undefined);
  await client.exists('/fl/none', () => undefined);
  return client;
}

/** ZooKeeper's four-letter words on the client port and its AdminServer commands on the HTTP port. */
describe('four-letter words and AdminServer commands', () => {
  let server: RunningServer;
  let client: ZkTestClient;
  let zookeeper: ZooKeeperProcess | undefined;
  let zookeeperAdmin = '';
  const word = (w: string) => fourLetterWord(server.zkPort, w);
  const command = async (base: string, name: string) => {
    const res = await fetch(`${base}/commands/${name}`);
    return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
  };
  const json = async (base: string, name: string) =>
    JSON.parse((await command(base, name)).body) as Record<string, unknown>;

  beforeAll(async () => {
    server = await startTestServer({ ZOONEST_4LW_COMMANDS_WHITELIST: WHITELIST });
    client = await populate(`127.0.0.1:${server.zkPort}`);
    if (install) {
      const adminPort = await freePort();
      zookeeper = await startZooKeeper(install, {
        port: await freePort(),
        dataDir: await tempDir('zk-'),
        jvmFlags: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'],
        adminPort,
        fourLetterWords: WHITELIST,
      });
      zookeeperAdmin = `http://127.0.0.1:${adminPort}`;
      await populate(`127.0.0.1:${zookeeper.port}`);
    }
  }, 40_000);

  afterAll(async () => {
    closeWireConnections();
    await closeZkClients();
    await zookeeper?.stop();
    await server.stop();
    await removeTempDirs();
  });

  it('answers ruok, then closes', async () => {
    expect(await word('ruok')).toBe('imok');
    const conn = await WireConnection.open(server.zkPort);
    conn.send(Buffer.from('ruok'));
    expect(await conn.closesWithin(2000)).toBe(true);
  });

  it('reports the server in srvr and stat', async () => {
    const srvr = await word('srvr');
    expect(srvr).toMatch(
      /^Zookeeper version: 3\.9\.3-zoonest-[\w.-]+, built on \d{4}-\d\d-\d\d \d\d:\d\d UTC\n/,
    );
    expect(srvr).toContain(`Zxid: 0x${server.coordinator.lastZxid.toString(16)}\n`);
    expect(srvr).toContain(`Node count: ${server.coordinator.counts.nodes}\n`);
    expect(srvr).toMatch(/^Mode: standalone$/m);
    expect(srvr).toMatch(/^Received: [1-9]\d*$/m);

    const stat = await word('stat');
    const port = (client.raw.connectionManager.socket as unknown as { localPort: number })
      .localPort;
    expect(stat).toMatch(
      new RegExp(`^ /127\\.0\\.0\\.1:${port}\\[1\\]\\(queued=0,recved=\\d+,sent=\\d+\\)$`, 'm'),
    );
    // The asking connection is listed too, with its one packet and reading stopped.
    expect(stat).toMatch(/^ \/127\.0\.0\.1:\d+\[0\]\(queued=0,recved=1,sent=0\)$/m);
  });

  it('details each session in cons and sums watches in wchs', async () => {
    const cons = await word('cons');
    const sid = client.sessionId.toString(16);
    expect(cons).toMatch(
      new RegExp(`sid=0x${sid},lop=\\w+,est=\\d+,to=12000,lcxid=0x[0-9a-f]+,lzxid=0x[0-9a-f]+,`),
    );
    expect(await word('wchs')).toBe('1 connections watching 2 paths\nTotal watches:3\n');
  });

  it('gives monitoring figures in mntr', async () => {
    const mntr = Object.fromEntries(
      (await word('mntr'))
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')),
    );
    const counts = server.coordinator.counts;
    expect(mntr).toMatchObject({
      zk_server_state: 'standalone',
      zk_znode_count: String(counts.nodes),
      zk_ephemerals_count: '1',
      zk_watch_count: String(counts.watches),
      zk_global_sessions: String(counts.sessions),
      zk_num_alive_connections: '2',
      zk_outstanding_requests: '0',
    });
    expect(Number(mntr.zk_approximate_data_size)).toBeGreaterThan('/fl'.length + 3);
    expect(Number(mntr.zk_open_file_descriptor_count)).toBeGreaterThan(0);
  });

  it('prints its configuration in conf and its environment in envi', async () => {
    const conf = await word('conf');
    expect(conf).toMatch(new RegExp(`^clientPort=${server.zkPort}$`, 'm'));
    expect(conf).toMatch(/^minSessionTimeout=4000$/m);
    expect(conf).toMatch(/^maxSessionTimeout=40000$/m);
    expect(conf).toMatch(/^jute\.maxbuffer=\d+$/m);
    const envi = await word('envi');
    expect(envi).toMatch(/^Environment:\nzookeeper\.version=3\.9\.3-zoonest-/);
    expect(envi).toMatch(/^os\.name=\w+$/m);
  });

  it('lists sessions, their ephemerals and watches in dump, wchc and wchp', async () => {
    const sid = `0x${client.sessionId.toString(16)}`;
    const dump = await word('dump');
    expect(dump).toMatch(/^SessionTracker dump:\nSession Sets \(\d+\)\/\(\d+\):\n/);
    expect(dump).toMatch(
      new RegExp(`^1 expire at \\w{3} \\w{3} \\d\\d [\\d:]{8} UTC \\d{4}:\\n\\t${sid}$`, 'm'),
    );
    expect(dump).toContain(
      `ephemeral nodes dump:\nSessions with Ephemerals (1):\n${sid}:\n\t/fl/eph\n`,
    );
    expect(await word('wchc')).toBe(`${sid}\n\t/fl\n\t/fl/none\n\n`);
    expect(await word('wchp')).toBe(`/fl\n\t${sid}\n/fl/none\n\t${sid}\n\n`);
    expect(await word('dirs')).toMatch(/^datadir_size: \d+\nlogdir_size: \d+\n$/);
  });

  it('resets statistics with srst and crst', async () => {
    await client.getData('/fl');
    expect(await word('srst')).toBe('Server stats reset.\n');
    expect(await word('srvr')).toMatch(/^Received: 1$/m);
    expect(await word('crst')).toBe('Connection stats reset.\n');
    expect(await word('cons')).toMatch(/sid=0x[0-9a-f]+,lop=NA,/);
  });

  it('refuses a word outside the whitelist, and by default answers only srvr', async () => {
    expect(await word('isro')).toBe('isro is not executed because it is not in the whitelist.\n');
    const plain = await startTestServer();
    try {
      expect(await fourLetterWord(plain.zkPort, 'ruok')).toBe(
        'ruok is not executed because it is not in the whitelist.\n',
      );
      expect(await fourLetterWord(plain.zkPort, 'srvr')).toMatch(/^Zookeeper version: /);
      const refused = await command(plain.url, 'monitor');
      expect([refused.status, JSON.parse(refused.body)]).toEqual([
        403,
        { command: 'monitor', error: 'mntr is not executed because it is not in the whitelist.' },
      ]);
      expect((await command(plain.url, 'server_stats')).status).toBe(200);
    } finally {
      await plain.stop();
    }
  });

  it('answers the AdminServer commands as JSON on the HTTP port, without a login', async () => {
    const ruok = await command(server.url, 'ruok');
    expect([ruok.status, ruok.type, JSON.parse(ruok.body)]).toEqual([
      200,
      expect.stringMatching(/^application\/json/),
      { command: 'ruok', error: null },
    ]);
    const monitor = await json(server.url, 'mntr');
    expect(monitor).toMatchObject({
      command: 'monitor',
      error: null,
      server_state: 'standalone',
      znode_count: server.coordinator.counts.nodes,
      ephemerals_count: 1,
    });
    const cons = await command(server.url, 'connections');
    // Session ids are Java longs: every digit arrives, as a number.
    expect(cons.body).toContain(`"session_id": ${client.sessionId}`);
    const dump = await json(server.url, 'dump');
    expect(dump.session_id_to_ephemeral_paths).toEqual({ [String(client.sessionId)]: ['/fl/eph'] });
    expect(await json(server.url, 'watches_by_path')).toMatchObject({
      path_to_session_ids: {
        '/fl': [Number(client.sessionId)],
        '/fl/none': [Number(client.sessionId)],
      },
    });
    expect(await json(server.url, 'nope')).toEqual({
      command: 'nope',
      error: 'Unknown command: nope',
    });
    const index = await command(server.url, '');
    expect(index.body).toContain('<a href="/commands/monitor">monitor</a>');
  });

  describeWithZooKeeper('beside Apache ZooKeeper', () => {
    it('prints srvr, conf and mntr in the layout Apache ZooKeeper uses', async () => {
      const theirs = (w: string) => fourLetterWord(zookeeper!.port, w);
      expect(labels(await word('srvr'), /: /)).toEqual(labels(await theirs('srvr'), /: /));
      expect(labels(await word('conf'), /=/).slice(0, 12)).toEqual(
        labels(await theirs('conf'), /=/),
      );
      const theirMntr = labels(await theirs('mntr'), /\t/);
      expect(theirMntr).toEqual(expect.arrayContaining(labels(await word('mntr'), /\t/)));
      expect(labels(await word('envi'), /=/)).toEqual(
        expect.arrayContaining(['zookeeper.version', 'host.name', 'os.name', 'user.dir']),
      );
      expect(await word('wchs')).toMatch(
        /^\d+ connections watching \d+ paths\nTotal watches:\d+\n$/,
      );
      expect(await theirs('wchs')).toMatch(
        /^\d+ connections watching \d+ paths\nTotal watches:\d+\n$/,
      );
      expect(await word('isro')).toBe(await theirs('isro'));
      expect(labels(await word('dirs'), /: /)).toEqual(labels(await theirs('dirs'), /: /));
      const sections = (text: string) => text.split('\n').filter((l) => /^[A-Z][\w ]+:/.test(l));
      expect(sections(await word('dump')).map((l) => l.replace(/\d+/g, 'N'))).toEqual(
        sections(await theirs('dump')).map((l) => l.replace(/\d+/g, 'N')),
      );
    });

    it('answers each AdminServer command with the fields Apache ZooKeeper gives', async () => {
      // The JSON's layout: names and value types; numeric keys (session ids, times) as N.
      const shape = (v: unknown): unknown =>
        Array.isArray(v)
          ? 'array'
          : v !== null && typeof v === 'object'
            ? Object.fromEntries(
                Object.entries(v).map(([k, x]) => [/^\d+$/.test(k) ? 'N' : k, shape(x)]),
              )
            : typeof v;
      for (const name of [
        'ruok',
        'server_stats',
        'stats',
        'configuration',
        'connections',
        'dump',
        'dirs',
        'watch_summary',
        'watches',
        'watches_by_path',
        'connection_stat_reset',
        'stat_reset',
        'nope',
      ]) {
        const ours = shape(await json(server.url, name));
        const theirs = shape(await json(zookeeperAdmin, name));
        expect([name, ours]).toEqual([name, theirs]);
      }
      const ourMonitor = await json(server.url, 'monitor');
      const theirMonitor = await json(zookeeperAdmin, 'monitor');
      for (const [key, value] of Object.entries(ourMonitor)) {
        expect([key, typeof value]).toEqual([key, typeof theirMonitor[key]]);
      }
      expect(Object.keys(await json(server.url, 'environment'))).toEqual(
        expect.arrayContaining(['zookeeper.version', 'host.name', 'os.name', 'user.dir']),
      );
    });
  });
});
