import { useQuery } from '@tanstack/react-query';
import { AlertTriangle, Radio, Share2, Split } from 'lucide-react';
import { adminApi } from '../../api/admin-api';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { StatCard } from '../../components/stat-card';
import { Table } from '../../components/table';
import { formatAgo } from '../../lib/format';
import { TypeStatusCell } from './type-status-cell';

const TYPES = ['Listener', 'RouteConfiguration', 'Cluster', 'ClusterLoadAssignment'];

/** The data plane: Envoy and proxyless gRPC clients on the xDS port, and what each runs. */
export function MeshPage() {
  const mesh = useQuery({ queryKey: ['mesh'], queryFn: adminApi.mesh, refetchInterval: 2000 });
  const data = mesh.data;
  const clients = data?.clients ?? [];
  const nacks = clients.filter((c) => c.types.some((t) => t.nack)).length;

  return (
    <>
      <PageHeader
        title="Mesh"
        subtitle={
          <>
            Data-plane clients fed over xDS from the registry and the <code>mesh</code> config
            namespace
          </>
        }
      />
      {mesh.isError && <ErrorBanner error={mesh.error} />}
      {mesh.isPending || !data ? (
        <Loading />
      ) : !data.enabled ? (
        <Card>
          <EmptyState icon={<Share2 size={28} />} title="The xDS server is off">
            Set <code>ZOONEST_XDS_PORT</code> to serve Envoy and proxyless gRPC clients.
          </EmptyState>
        </Card>
      ) : (
        <>
          <div className="stat-grid">
            <StatCard
              label="Clients"
              icon={<Radio size={20} />}
              value={clients.length}
              hint={`xDS on port ${data.port}`}
              testId="mesh-clients"
            />
            <StatCard
              label="Listeners"
              icon={<Share2 size={20} />}
              value={data.resources.Listener ?? 0}
            />
            <StatCard
              label="Clusters"
              icon={<Split size={20} />}
              value={data.resources.Cluster ?? 0}
            />
            <StatCard label="Refusing" icon={<AlertTriangle size={20} />} value={nacks} />
          </div>
          {data.problems.length > 0 && (
            <Card title="Mesh configs not in force" icon={<AlertTriangle size={16} />} flush>
              <Table columns={['Service', 'Version', 'Problem', 'Since']} testId="mesh-problems">
                {data.problems.map((p) => (
                  <tr key={p.service}>
                    <td className="mono">{p.service}</td>
                    <td>v{p.version}</td>
                    <td>{p.problem}</td>
                    <td className="muted">{formatAgo(p.at)}</td>
                  </tr>
                ))}
              </Table>
            </Card>
          )}
          <Card title="Connected clients" icon={<Radio size={16} />} flush>
            {clients.length === 0 ? (
              <p className="muted pad">No data-plane client is connected.</p>
            ) : (
              <Table columns={['Node', 'Client', 'Connected', ...TYPES]} testId="mesh-client-table">
                {clients.map((c) => (
                  <tr key={c.id} data-testid="mesh-client-row" data-node={c.node?.id ?? ''}>
                    <td>
                      <div className="mono">{c.node?.id || '(no node id)'}</div>
                      <div className="muted">
                        {c.node?.cluster}
                        {c.node?.locality?.zone ? ` · ${c.node.locality.zone}` : ''}
                      </div>
                    </td>
                    <td>
                      <div>{c.node?.userAgent || 'unknown'}</div>
                      <div className="muted mono">
                        {c.peer} <Badge tone="blue">{c.protocol}</Badge>
                      </div>
                    </td>
                    <td className="muted">{formatAgo(c.connectedAt)}</td>
                    {TYPES.map((t) => (
                      <td key={t}>
                        <TypeStatusCell status={c.types.find((s) => s.type === t)} />
                      </td>
                    ))}
                  </tr>
                ))}
              </Table>
            )}
          </Card>
        </>
      )}
    </>
  );
}
