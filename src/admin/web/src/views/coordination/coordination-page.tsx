import { useQuery } from '@tanstack/react-query';
import { ListOrdered, Lock, Split, Vote } from 'lucide-react';
import { adminApi } from '../../api/admin-api';
import { ErrorBanner } from '../../components/error-banner';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { StatCard } from '../../components/stat-card';
import { formatNumber } from '../../lib/format';
import { ConsumerGroupsCard } from './consumer-groups-card';
import { ElectionsCard } from './elections-card';
import { LocksCard } from './locks-card';
import { QueuesCard } from './queues-card';

/** Elections, locks, semaphores, queues and consumer groups, as their recipes see them. */
export function CoordinationPage() {
  const state = useQuery({ queryKey: ['coordination'], queryFn: adminApi.coordination });
  const c = state.data;
  return (
    <>
      <PageHeader
        title="Coordination"
        subtitle="Leaders and candidates, lock holders and waiters, queue depths and partition owners"
      />
      {state.isError && <ErrorBanner error={state.error} />}
      {state.isPending || !c ? (
        <Loading />
      ) : (
        <>
          <div className="stat-grid">
            <StatCard label="Elections" icon={<Vote size={20} />} value={c.elections.length} />
            <StatCard
              label="Locks"
              icon={<Lock size={20} />}
              value={c.locks.length + c.rwLocks.length + c.semaphores.length}
            />
            <StatCard
              label="Queued items"
              icon={<ListOrdered size={20} />}
              value={formatNumber(c.queues.reduce((n, q) => n + q.size, 0))}
            />
            <StatCard
              label="Consumer groups"
              icon={<Split size={20} />}
              value={c.consumerGroups.length}
            />
          </div>
          <ElectionsCard c={c} />
          <LocksCard c={c} />
          <QueuesCard c={c} />
          <ConsumerGroupsCard c={c} />
        </>
      )}
    </>
  );
}
