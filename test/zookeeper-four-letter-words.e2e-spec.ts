import type { RunningServer } from '../src/server/start-server';
import { startTestServer } from './support/test-server';
import { freePort } from './support/server-process';
import { removeTempDirs, tempDir } from './support/temp-dir';
import { closeZkClients, connectZk, nzk, type ZkTestClient } from './support/zookeeper-client';
import { findZooKeeper } from './support/zookeeper-install';
import { startZooKeeper, type ZooKeeperProcess } from './support/zookeeper-standalone';
import { closeWireConnections, fourLetterWord, WireConnection } from './support/zookeeper-wire';

const install = findZooKeeper();
const describeWithZooKeeper = install ? describe : describe.skip;

/** The labels of "label: value" or "key=value" or "key\tvalue" lines, in order. */
const labels = (text: string, sep: RegExp) =>
  text
    .split('\n')
    .filter((l) => sep.test(l))
    .map((l) => l.split(sep)[0]);

/** ZooKeeper's four-letter words on the client port, answered from the live server. */
describe('four-letter words', () => {
  let server: RunningServer;
  let client: ZkTestClient;
  let zookeeper: ZooKeeperProcess | undefined;
  const word = (w: string) => fourLetterWord(server.zkPort, w);

  beforeAll(async () => {
    server = await startTestServer();
    client = await connectZk(`127.0.0.1:${server.zkPort}`, { sessionTimeout: 12_000 });
    await client.create('/fl', 'abc');
    await client.create('/fl/eph', null, { mode: nzk.CreateMode.EPHEMERAL });
    await client.getData('/fl', () => undefined);
    await client.getChildren('/fl', () => undefined);
    await client.exists('/fl/none', () => undefined);
    if (install) {
      zookeeper = await startZooKeeper(install, {
        port: await freePort(),
        dataDir: await tempDir('zk-'),
        jvmFlags: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'],
      });
    }
  }, 40_000);

  afterAll(async () => {
    closeWireConnections();
    await closeZkClients();
    await zookeeper?.stop();
    await server.stop();
    await removeTempDirs();
  });

  it('answers ruok and isro, then closes', async () => {
    expect(await word('ruok')).toBe('imok');
    expect(await word('isro')).toBe('rw');
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

  it('names the words it does not run, as ZooKeeper does outside its whitelist', async () => {
    expect(await word('dump')).toBe('dump is not executed because it is not in the whitelist.\n');
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
    });
  });
});
