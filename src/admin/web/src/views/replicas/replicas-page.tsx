import { useQuery } from '@tanstack/react-query';
import { Clock, Hash, Server, Timer } from 'lucide-react';
import { adminApi } from '../../api/admin-api';
import type { ReplicaJson } from '../../api/types';
import { Badge, type Tone } from '../../components/badge';
import { Card } from '../../components/card';
import { ErrorBanner } from '../../components/error-banner';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { StatCard } from '../../components/stat-card';
import { Table } from '../../components/table';
import { formatNumber } from '../../lib/format';

const ROLE_TONES: Record<ReplicaJson['role'], Tone> = {
  standalone: 'neutral',
  leader: 'violet',
  follower: 'blue',
};

/** The servers of the cluster: how far each has applied the log, and which one expires sessions. */
export function ReplicasPage() {
  const replicas = useQuery({
    queryKey: ['replicas'],
    queryFn: adminApi.replicas,
    refetchInterval: 2000,
  });
  const data = replicas.data;
  const list = data?.replicas ?? [];
  const expirer = list.find((r) => r.runsExpiry);
  const maxLag = Math.max(0, ...list.map((r) => r.lagTxns));

  return (
    <>
      <PageHeader
        title="Replicas"
        subtitle="The servers on one database: every one serves every client and this dashboard"
      />
      {replicas.isError && <ErrorBanner error={replicas.error} />}
      {replicas.isPending || !data ? (
        <Loading />
      ) : (
        <>
          <div className="stat-grid">
            <StatCard
              label="Replicas"
              icon={<Server size={20} />}
              value={list.length}
              testId="replica-count"
            />
            <StatCard
              label="Head zxid"
              icon={<Hash size={20} />}
              value={`0x${data.headZxid.toString(16)}`}
              hint={formatNumber(data.headZxid)}
            />
            <StatCard label="Largest lag" icon={<Timer size={20} />} value={maxLag} hint="txns" />
            <StatCard
              label="Session expiry"
              icon={<Clock size={20} />}
              value={<span className="mono">{expirer?.name ?? 'nobody'}</span>}
              testId="replica-expirer"
            />
          </div>
          <Card title="Replicas" icon={<Server size={16} />} flush>
            <Table
              columns={[
                'Name',
                'Role',
                'HTTP',
                'ZooKeeper',
                'Applied zxid',
                'Lag',
                'Reported',
                'Expiry',
              ]}
              testId="replica-table"
            >
              {list.map((r) => (
                <tr key={r.name} data-testid="replica-row" data-name={r.name}>
                  <td className="mono">
                    {r.name} {r.self && <Badge>this one</Badge>}
                  </td>
                  <td>
                    <Badge tone={ROLE_TONES[r.role]}>{r.role}</Badge>
                  </td>
                  <td className="mono">{r.httpUrl}</td>
                  <td className="mono">{r.zkAddress}</td>
                  <td className="mono">0x{r.appliedZxid.toString(16)}</td>
                  <td data-testid="replica-lag">
                    {r.lagTxns === 0 ? (
                      <Badge tone="green">in step</Badge>
                    ) : (
                      <Badge tone="amber">{formatNumber(r.lagTxns)} behind</Badge>
                    )}
                  </td>
                  <td className="muted">{r.reportedSecondsAgo.toFixed(1)}s ago</td>
                  <td>{r.runsExpiry && <Badge tone="violet">expires sessions</Badge>}</td>
                </tr>
              ))}
            </Table>
          </Card>
        </>
      )}
    </>
  );
}
