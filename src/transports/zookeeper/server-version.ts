import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The ZooKeeper release whose protocol and four-letter words this server speaks. */
export const ZOOKEEPER_COMPAT_VERSION = '3.9.3';

/** Zoonest's own version, from the package.json above this file (in src/ or in dist/). */
function zoonestVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'zoonest' && pkg.version) return pkg.version;
    } catch {
      // not here; look further up
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

export const ZOONEST_VERSION = zoonestVersion();

/** "3.9.3-zoonest-0.1.0": tools that parse srvr for a version find ZooKeeper's numbers first. */
export const SERVER_VERSION = `${ZOOKEEPER_COMPAT_VERSION}-zoonest-${ZOONEST_VERSION}`;

/** When this code was built (compiled, or last edited when run from source), as ZooKeeper prints it. */
function builtOn(): string {
  const iso = statSync(__filename, { throwIfNoEntry: false })?.mtime.toISOString() ?? '';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The text after "Zookeeper version: " in srvr, stat, mntr and envi. */
export const SERVER_VERSION_LINE = `${SERVER_VERSION}, built on ${builtOn()}`;
