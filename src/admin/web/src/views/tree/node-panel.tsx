import { useQuery } from '@tanstack/react-query';
import { Database, FilePlus2, Info, Pencil, ShieldCheck, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { adminApi } from '../../api/admin-api';
import { ApiError } from '../../api/http';
import type { NodeJson } from '../../api/types';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { Loading } from '../../components/loading';
import { Segmented } from '../../components/segmented';
import {
  base64ToBytes,
  bestView,
  possibleViews,
  renderData,
  type DataView,
} from '../../lib/data-format';
import { formatBytes } from '../../lib/format';
import { AclTable } from './acl-table';
import { NodeEditor } from './node-editor';
import { StatTable } from './stat-table';
import { ancestorsOf, nameOf } from '../../lib/znode-paths';

const VIEW_LABELS: Record<DataView, string> = {
  json: 'JSON',
  yaml: 'YAML',
  text: 'Text',
  hex: 'Hex',
};

/** One node: its data in the view that suits it, its Stat and ACL, and what can be done. */
export function NodePanel({
  path,
  onSelect,
  onCreateChild,
  onDelete,
}: {
  path: string;
  onSelect: (path: string) => void;
  onCreateChild: () => void;
  onDelete: (node: NodeJson) => void;
}) {
  const node = useQuery({ queryKey: ['node', path], queryFn: () => adminApi.node(path) });
  const [editing, setEditing] = useState<NodeJson | undefined>();
  const [view, setView] = useState<DataView | undefined>();

  if (node.isPending) return <Loading />;
  if (node.isError) {
    const gone = node.error instanceof ApiError && node.error.code === 'NoNode';
    return gone ? (
      <EmptyState icon={<Info size={28} />} title="This node does not exist (any more)">
        <code>{path}</code> was deleted, or never was.
      </EmptyState>
    ) : (
      <ErrorBanner error={node.error} />
    );
  }

  const n = node.data;
  const bytes = base64ToBytes(n.data);
  const views = possibleViews(bytes);
  const shown = view && views.includes(view) ? view : bestView(bytes);
  const ephemeral = n.stat.ephemeralOwner !== '0';

  return (
    <div className="node-panel" data-testid="node-panel">
      <div className="card node-header">
        <div>
          <nav className="breadcrumb" aria-label="Path">
            {[...ancestorsOf(path), path].map((p) => (
              <button key={p} type="button" onClick={() => onSelect(p)}>
                {p === '/' ? 'root' : nameOf(p)}
              </button>
            ))}
          </nav>
          <h2 className="node-title mono" data-testid="node-path">
            {path}
          </h2>
          <div className="node-badges">
            <Badge tone={ephemeral ? 'amber' : 'neutral'}>
              {ephemeral ? 'ephemeral' : 'persistent'}
            </Badge>
            <Badge tone="blue">
              version <span data-testid="node-version">{n.stat.version}</span>
            </Badge>
            <Badge>{formatBytes(n.stat.dataLength)}</Badge>
            <Badge>
              {n.stat.numChildren} {n.stat.numChildren === 1 ? 'child' : 'children'}
            </Badge>
          </div>
        </div>
        <div className="page-actions">
          <button type="button" className="button" onClick={onCreateChild}>
            <FilePlus2 size={16} /> New child
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setEditing(n)}
            disabled={editing !== undefined}
          >
            <Pencil size={16} /> Edit
          </button>
          {path !== '/' && (
            <button type="button" className="button danger-outline" onClick={() => onDelete(n)}>
              <Trash2 size={16} /> Delete
            </button>
          )}
        </div>
      </div>

      <Card
        title="Data"
        icon={<Database size={16} />}
        actions={
          !editing &&
          bytes.length > 0 && (
            <Segmented
              label="Show data as"
              options={views.map((v) => ({ value: v, label: VIEW_LABELS[v] }))}
              value={shown}
              onChange={setView}
            />
          )
        }
      >
        {editing ? (
          <NodeEditor node={editing} current={n} onDone={() => setEditing(undefined)} />
        ) : bytes.length === 0 ? (
          <p className="muted">No data.</p>
        ) : (
          <pre className="code-block" data-testid="node-data">
            {renderData(bytes, shown)}
          </pre>
        )}
      </Card>

      <div className="two-columns">
        <Card title="Stat" icon={<Info size={16} />}>
          <StatTable stat={n.stat} />
        </Card>
        <Card title="ACL" icon={<ShieldCheck size={16} />} flush>
          <AclTable acl={n.acl} />
        </Card>
      </div>
    </div>
  );
}
