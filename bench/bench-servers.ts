import { readFile } from 'node:fs/promises';
import { freePort, spawnServer } from '../test/support/server-process';
import type { ZooKeeperInstall } from '../test/support/zookeeper-install';
import { startZooKeeper } from '../test/support/zookeeper-standalone';

/** A server process the benchmark drives over the ZooKeeper protocol. */
export interface BenchServer {
  connectString: string;
  pid: number;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts a server keeping its state in `dataDir`, on `port`; resolves once it serves. */
export interface BenchLauncher {
  name: string;
  launch(dataDir: string, port: number): Promise<BenchServer>;
}

/** ZooKeeper as the issue measures it: Debian's package, forceSync on, a 1000 MB heap. */
export const ZOOKEEPER_JVM_FLAGS = ['-Xmx1000m'];

/** Zoonest on SQLite, started with node's arguments `args` (see compiledServer). */
export function zoonestLauncher(args: string[]): BenchLauncher {
  return {
    name: 'Zoonest',
    async launch(dataDir, port) {
      const env = {
        ZOONEST_HTTP_PORT: String(await freePort()),
        ZOONEST_ZK_PORT: String(port),
        ZOONEST_DATA_DIR: dataDir,
        ZOONEST_LOG_LEVEL: 'warn',
      };
      const server = await spawnServer(env, 300_000, args);
      return {
        connectString: `127.0.0.1:${port}`,
        pid: server.child.pid as number,
        kill: (signal) => server.kill(signal),
      };
    },
  };
}

export function zookeeperLauncher(install: ZooKeeperInstall): BenchLauncher {
  return {
    name: 'ZooKeeper',
    async launch(dataDir, port) {
      const zk = await startZooKeeper(install, { port, dataDir, jvmFlags: ZOOKEEPER_JVM_FLAGS });
      const exited = new Promise<void>((resolve) => {
        if (zk.child.exitCode !== null || zk.child.signalCode !== null) resolve();
        else zk.child.once('exit', () => resolve());
      });
      return {
        connectString: `127.0.0.1:${port}`,
        pid: zk.child.pid as number,
        kill: async (signal) => {
          if (zk.child.exitCode === null && zk.child.signalCode === null) zk.child.kill(signal);
          await exited;
        },
      };
    },
  };
}

/** Resident set size of a process in MB, from /proc. */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) / 1024;
}
