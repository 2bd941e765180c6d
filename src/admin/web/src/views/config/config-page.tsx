import { useQuery } from '@tanstack/react-query';
import { Plus, SlidersHorizontal } from 'lucide-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { adminApi } from '../../api/admin-api';
import type { ConfigKey } from '../../api/types';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../lib/format';
import { ConfigEditor } from './config-editor';
import { ConfigHistory } from './config-history';
import { ConfigKeys } from './config-keys';
import { NewKeyDialog } from './new-key-dialog';

/** The configuration center: pick a key, edit and publish it, compare and roll back versions. */
export function ConfigPage() {
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const tree = useQuery({ queryKey: ['config', 'tree'], queryFn: adminApi.configTree });
  const ns = params.get('ns');
  const group = params.get('group');
  const key = params.get('key');
  const selected: ConfigKey | undefined =
    ns && group && key ? { namespace: ns, group, key } : undefined;
  const select = (k: ConfigKey) => setParams({ ns: k.namespace, group: k.group, key: k.key });

  return (
    <>
      <PageHeader
        title="Config"
        subtitle="Namespaces, groups and keys of the configuration center; every publish is versioned"
        actions={
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            <Plus size={16} /> New key
          </button>
        }
      />
      {tree.isError && <ErrorBanner error={tree.error} />}
      <div className="split-layout">
        <Card title="Keys" icon={<SlidersHorizontal size={16} />} flush>
          {tree.isPending ? (
            <Loading />
          ) : (tree.data ?? []).length === 0 ? (
            <EmptyState icon={<SlidersHorizontal size={24} />} title="No config yet" />
          ) : (
            <ConfigKeys tree={tree.data ?? []} selected={selected} onSelect={select} />
          )}
        </Card>
        <div className="stack">
          {selected ? (
            <SelectedKey k={selected} />
          ) : (
            <Card>
              <EmptyState icon={<SlidersHorizontal size={28} />} title="Pick a key to edit" />
            </Card>
          )}
        </div>
      </div>
      {creating && (
        <NewKeyDialog
          onClose={() => setCreating(false)}
          onCreated={(k) => {
            setCreating(false);
            select(k);
          }}
        />
      )}
    </>
  );
}

function SelectedKey({ k }: { k: ConfigKey }) {
  const entry = useQuery({
    queryKey: ['config', 'entry', k.namespace, k.group, k.key],
    queryFn: () => adminApi.config(k),
  });
  if (entry.isPending) return <Loading />;
  if (entry.isError) return <ErrorBanner error={entry.error} />;
  const e = entry.data;
  const name = `${k.namespace}/${k.group}/${k.key}`;
  return (
    <>
      <Card
        title={<span className="mono">{name}</span>}
        actions={
          <>
            <Badge tone="blue">
              v<span data-testid="config-version">{e.version}</span>
            </Badge>
            <Badge>{e.format}</Badge>
            <span className="muted small">updated {formatDateTime(e.updatedAt)}</span>
          </>
        }
      >
        <ConfigEditor key={name} entry={e} />
      </Card>
      <ConfigHistory entry={e} />
    </>
  );
}
