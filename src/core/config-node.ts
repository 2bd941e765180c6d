import type { DataTree } from './data-tree';
import { formatEnsembleConfig, type EnsembleConfig } from './ensemble';
import { CONFIG_NODE } from './system-nodes';

/**
 * Writes the ensemble into /zookeeper/config as ZooKeeper does when its configuration takes
 * effect: the text, version -1, mzxid the config version. No client transaction writes this
 * node (its ACL is read-only); it follows the coordinator's EnsembleSource.
 */
export function writeEnsembleConfig(tree: DataTree, config: EnsembleConfig, now: number): void {
  if (!tree.get(CONFIG_NODE)) return;
  tree.update(CONFIG_NODE, {
    data: Buffer.from(formatEnsembleConfig(config)),
    version: -1,
    mzxid: config.version,
    mtime: now,
  });
}
