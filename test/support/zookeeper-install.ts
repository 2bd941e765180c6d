import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** An Apache ZooKeeper installation: its zkCli.sh, a java and the classpath of its jars. */
export interface ZooKeeperInstall {
  zkCli: string;
  java: string;
  classpath: string;
}

const CANDIDATES = [
  '/usr/share/zookeeper/bin/zkCli.sh', // Debian's zookeeper package
  '/opt/zookeeper/bin/zkCli.sh',
  '/usr/local/zookeeper/bin/zkCli.sh',
];

function quietly(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

function findZkCli(): string | undefined {
  const fromEnv = process.env.ZOONEST_ZKCLI;
  const fromDpkg = quietly('dpkg', ['-L', 'zookeeper'])
    .split('\n')
    .filter((line) => line.endsWith('/zkCli.sh'));
  const onPath = quietly('sh', ['-c', 'command -v zkCli.sh']).trim();
  return [fromEnv, ...fromDpkg, ...CANDIDATES, onPath].find(
    (p): p is string => !!p && existsSync(p),
  );
}

/** Finds ZooKeeper (installed by scripts/install-test-deps.sh); undefined when absent. */
export function findZooKeeper(): ZooKeeperInstall | undefined {
  const zkCli = findZkCli();
  const java = quietly('sh', ['-c', 'command -v java']).trim();
  if (!zkCli || !java) return undefined;
  // Debian's jar names its dependencies in its manifest; a release tarball keeps them in lib/.
  // Its manifest leaves out the servlet API (the AdminServer) and Netty's codec and resolver
  // (the Netty connections TLS needs); add them where they are.
  const debianJar = '/usr/share/java/zookeeper.jar';
  const missing = ['servlet-api', 'netty-codec', 'netty-resolver']
    .map((name) => `/usr/share/java/${name}.jar`)
    .filter((jar) => existsSync(jar));
  const home = dirname(dirname(zkCli));
  const classpath = existsSync(debianJar)
    ? ['/etc/zookeeper/conf', debianJar, ...missing].join(':')
    : `${join(home, 'conf')}:${join(home, 'lib', '*')}:${join(home, '*')}`;
  return { zkCli, java, classpath };
}

export const ZOOKEEPER_MISSING =
  'Apache ZooKeeper (zkCli.sh and java) is not installed: run scripts/install-test-deps.sh';
