import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from './server-process';
import { ask, fourLetterWord, request, session } from './zookeeper-wire';

const CLOSE_SESSION = -11;
import type { ZooKeeperInstall } from './zookeeper-install';

export interface ZooKeeperProcess {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** A quorum of one server (standaloneEnabled=false): it serves its configuration as an ensemble. */
async function quorumOfOne(dataDir: string, port: number): Promise<string[]> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, 'myid'), '1\n');
  const [quorum, election] = [await freePort(), await freePort()];
  return [
    'standaloneEnabled=false',
    'initLimit=5',
    'syncLimit=2',
    `server.1=127.0.0.1:${quorum}:${election}:participant;127.0.0.1:${port}`,
  ];
}

/**
 * Starts Apache ZooKeeper on loopback with its own dataDir, in its default durability
 * (forceSync=yes: every commit fsynced), and waits until it serves: standalone, or as a quorum
 * of one when `quorum` is set.
 */
export async function startZooKeeper(
  install: ZooKeeperInstall,
  o: {
    port: number;
    dataDir: string;
    jvmFlags?: string[];
    /** Starts the AdminServer (Jetty) on this port of 127.0.0.1. */
    adminPort?: number;
    /** 4lw.commands.whitelist; all words unless given. */
    fourLetterWords?: string;
    /** More zoo.cfg lines (TLS, authentication). */
    config?: string[];
    /** A quorum of one (standaloneEnabled=false), serving its server list in /zookeeper/config. */
    quorum?: boolean;
  },
): Promise<ZooKeeperProcess> {
  const cfg = join(o.dataDir, 'zoo.cfg');
  const dataDir = join(o.dataDir, 'data');
  await writeFile(
    cfg,
    [
      'tickTime=2000',
      `dataDir=${dataDir}`,
      ...(o.quorum
        ? await quorumOfOne(dataDir, o.port)
        : [`clientPort=${o.port}`, 'clientPortAddress=127.0.0.1']),
      'maxClientCnxns=0',
      ...(o.adminPort === undefined
        ? ['admin.enableServer=false']
        : ['admin.serverAddress=127.0.0.1', `admin.serverPort=${o.adminPort}`]),
      `4lw.commands.whitelist=${o.fourLetterWords ?? '*'}`,
      // createTTL is refused unless extended types are on.
      'extendedTypesEnabled=true',
      ...(o.config ?? []),
      '',
    ].join('\n'),
  );
  const child = spawn(
    install.java,
    [
      ...(o.jvmFlags ?? []),
      `-Dzookeeper.log.dir=${o.dataDir}`,
      '-cp',
      install.classpath,
      o.quorum
        ? 'org.apache.zookeeper.server.quorum.QuorumPeerMain'
        : 'org.apache.zookeeper.server.ZooKeeperServerMain',
      cfg,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const netty = (o.config ?? []).some((line) => line.includes('NettyServerCnxnFactory'));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`ZooKeeper exited early:\n${err}`);
    if (await serving(o.port, netty)) return { port: o.port, child, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`ZooKeeper did not start in 30 s:\n${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Whether ZooKeeper serves sessions: srvr says so (ruok answers as soon as the port is open).
 * Its Netty server answers no four-letter word on 3.8.0, so there a session is opened and closed.
 */
async function serving(port: number, netty: boolean): Promise<boolean> {
  if (!netty) {
    const answer = await fourLetterWord(port, 'srvr').catch(() => '');
    return /Mode: (standalone|leader)/.test(answer);
  }
  try {
    const { conn } = await session(port);
    await ask(conn, request(1, CLOSE_SESSION));
    conn.close();
    return true;
  } catch {
    return false;
  }
}
