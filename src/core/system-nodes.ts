import { OPEN_ACL_UNSAFE, Perms } from './acl';
import type { NodeRecord } from './znode';

/** ZooKeeper's system subtree, always present. */
export const ZOOKEEPER_NODE = '/zookeeper';
export const QUOTA_NODE = '/zookeeper/quota';
/** The ensemble's dynamic configuration; Curator and zkCli's `config` read it (getConfig). */
export const CONFIG_NODE = '/zookeeper/config';

const SYSTEM_PATHS: ReadonlySet<string> = new Set(['/', ZOOKEEPER_NODE, QUOTA_NODE, CONFIG_NODE]);

/** The root and the system nodes: ZooKeeper refuses to delete them with BadArguments. */
export function isSystemPath(path: string): boolean {
  return SYSTEM_PATHS.has(path);
}

function systemRecord(path: string, change: Partial<NodeRecord> = {}): NodeRecord {
  return {
    path,
    data: Buffer.alloc(0),
    acl: [...OPEN_ACL_UNSAFE],
    kind: 'persistent',
    ttlMs: 0,
    ephemeralOwner: 0n,
    czxid: 0,
    mzxid: 0,
    pzxid: 0,
    ctime: 0,
    mtime: 0,
    version: 0,
    cversion: 0,
    aversion: 0,
    ...change,
  };
}

/**
 * The system nodes as a new ZooKeeper has them: zxid 0, the open ACL, and the configuration
 * readable by anyone and writable by no one (ZooKeeper sets that ACL unversioned, hence -1).
 */
export function systemRecords(): NodeRecord[] {
  return [
    systemRecord(ZOOKEEPER_NODE),
    systemRecord(QUOTA_NODE),
    systemRecord(CONFIG_NODE, {
      acl: [{ scheme: 'world', id: 'anyone', perms: Perms.READ }],
      aversion: -1,
    }),
  ];
}

/** The system nodes a loaded tree lacks (a system node is stored once changed). */
export function missingSystemRecords(stored: (path: string) => boolean): NodeRecord[] {
  return systemRecords().filter((r) => !stored(r.path));
}
