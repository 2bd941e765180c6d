import type { DataTree } from './data-tree';
import { formatEnsembleConfig, type EnsembleConfig } from './ensemble';
import { CONFIG_NODE } from './system-nodes';

/**
 * Writes the ensemble into /zookeeper/config as ZooKeeper does when its configuration takes
 * effect: the text, version -1, mzxid the config version. No client transaction writes this
 * node (its ACL is read-only); it follows the coordinator's EnsembleSource.
 */
export function writeEnsembleConfig(tree: DataTree, config: EnsembleConfig, now: number): void {
  const node = tree.mutable(CONFIG_NODE);
  if (!node) return;
  node.data = Buffer.from(formatEnsembleConfig(config));
  node.version = -1;
  node.mzxid = config.version;
  node.mtime = now;
}
