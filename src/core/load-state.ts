import { DataTree } from './data-tree';
import type { Snapshot, TxnStore } from './ports';
import { missingSystemRecords } from './system-nodes';

/** The tree built as the store hands its nodes over, with the system nodes, and the rest. */
export async function loadState(store: TxnStore): Promise<{ tree: DataTree; snapshot: Snapshot }> {
  const tree = new DataTree();
  const snapshot = await store.load((node) => tree.load(node));
  for (const record of missingSystemRecords((path) => tree.get(path) !== undefined)) {
    tree.load(record);
  }
  tree.loaded();
  return { tree, snapshot };
}
