import { FolderTree } from 'lucide-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { NodeJson } from '../../api/types';
import { PageHeader } from '../../components/page-header';
import { toggled } from '../../lib/toggled';
import { CreateNodeDialog } from './create-node-dialog';
import { DeleteNodeDialog } from './delete-node-dialog';
import { NodePanel } from './node-panel';
import { PathSearch } from './path-search';
import { TreeNavigator } from './tree-navigator';
import { ancestorsOf, parentOf } from '../../lib/znode-paths';
import { useTreeRows } from './use-tree-rows';

/** Browse the znode tree lazily, one node's children at a time; the selected node is in the URL. */
export function TreePage() {
  const [params, setParams] = useSearchParams();
  const selected = params.get('path') ?? '/';
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () => new Set(['/', ...ancestorsOf(selected)]),
  );
  const [pages, setPages] = useState<ReadonlyMap<string, number>>(new Map());
  const [creatingUnder, setCreatingUnder] = useState<string | undefined>();
  const [deleting, setDeleting] = useState<NodeJson | undefined>();
  const rows = useTreeRows(expanded, pages);

  const select = (path: string) => {
    setParams(path === '/' ? {} : { path });
    setExpanded((old) => new Set([...old, ...ancestorsOf(path)]));
  };
  const toggle = (path: string) => setExpanded((old) => toggled(old, path));
  const more = (parent: string) =>
    setPages((old) => new Map(old).set(parent, (old.get(parent) ?? 1) + 1));

  return (
    <>
      <PageHeader
        title="Tree"
        subtitle="Every znode, as any ZooKeeper client sees it; changes by others show up live"
      />
      <div className="tree-layout">
        <aside className="tree-pane card">
          <div className="tree-pane-header">
            <FolderTree size={16} />
            <PathSearch onPick={select} />
          </div>
          <TreeNavigator
            rows={rows}
            selected={selected}
            onSelect={select}
            onToggle={toggle}
            onMore={more}
          />
        </aside>
        <section className="node-pane">
          <NodePanel
            key={selected}
            path={selected}
            onSelect={select}
            onCreateChild={() => setCreatingUnder(selected)}
            onDelete={setDeleting}
          />
        </section>
      </div>
      {creatingUnder !== undefined && (
        <CreateNodeDialog
          parent={creatingUnder}
          onClose={() => setCreatingUnder(undefined)}
          onCreated={(path) => {
            setCreatingUnder(undefined);
            select(path);
          }}
        />
      )}
      {deleting && (
        <DeleteNodeDialog
          node={deleting}
          onClose={() => setDeleting(undefined)}
          onDeleted={() => {
            setDeleting(undefined);
            select(parentOf(deleting.path));
          }}
        />
      )}
    </>
  );
}
