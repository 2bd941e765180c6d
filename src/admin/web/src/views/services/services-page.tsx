import { useQuery } from '@tanstack/react-query';
import { Network, Server, Waypoints } from 'lucide-react';
import { adminApi } from '../../api/admin-api';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { StatCard } from '../../components/stat-card';
import { InstanceTable } from './instance-table';

/** The naming service: each service with its live providers and consumers, updated live. */
export function ServicesPage() {
  const services = useQuery({ queryKey: ['services'], queryFn: adminApi.services });
  const list = services.data ?? [];
  const providers = list.reduce((n, s) => n + s.providers.length, 0);
  const consumers = list.reduce((n, s) => n + s.consumers.length, 0);

  return (
    <>
      <PageHeader
        title="Services"
        subtitle={
          <>
            Registered services and their live instances (Dubbo&apos;s layout under{' '}
            <code>/dubbo</code>); an instance leaves when its session ends
          </>
        }
      />
      <div className="stat-grid">
        <StatCard label="Services" icon={<Network size={20} />} value={list.length} />
        <StatCard label="Providers" icon={<Server size={20} />} value={providers} />
        <StatCard label="Consumers" icon={<Waypoints size={20} />} value={consumers} />
      </div>
      {services.isError && <ErrorBanner error={services.error} />}
      {services.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <Card>
          <EmptyState icon={<Network size={28} />} title="No services registered">
            Providers register with <code>POST /api/v1/services/&#123;service&#125;/instances</code>{' '}
            or the SDK&apos;s <code>ServiceDiscovery</code>.
          </EmptyState>
        </Card>
      ) : (
        list.map((s) => (
          <Card
            key={s.service}
            testId={`service-${s.service}`}
            title={<span className="mono">{s.service}</span>}
            icon={<Network size={16} />}
            actions={
              <>
                <Badge tone="green">{s.providers.length} providers</Badge>
                <Badge tone="violet">{s.consumers.length} consumers</Badge>
              </>
            }
            flush
          >
            {s.providers.length > 0 ? (
              <InstanceTable instances={s.providers} />
            ) : (
              <p className="muted pad">No live provider.</p>
            )}
            {s.consumers.length > 0 && (
              <>
                <div className="subhead">Consumers</div>
                <InstanceTable instances={s.consumers} />
              </>
            )}
          </Card>
        ))
      )}
    </>
  );
}
