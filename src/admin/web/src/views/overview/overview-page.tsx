import { useQuery } from '@tanstack/react-query';
import {
  Activity,
  Clock,
  Eye,
  FileStack,
  Gauge,
  Hash,
  Server,
  Settings2,
  Timer,
  Users,
  type LucideIcon,
} from 'lucide-react';
import { adminApi } from '../../api/admin-api';
import { Card } from '../../components/card';
import { ErrorBanner } from '../../components/error-banner';
import { PageHeader } from '../../components/page-header';
import { StatCard } from '../../components/stat-card';
import { counted, formatDateTime, formatDuration, formatNumber } from '../../lib/format';
import { MetricChart, type Series } from './metric-chart';
import { useStatsHistory } from './use-stats-history';

const CHARTS: ReadonlyArray<{
  title: string;
  icon: LucideIcon;
  testId?: string;
  series: readonly Series[];
  unit?: string;
}> = [
  {
    title: 'Znodes',
    icon: FileStack,
    testId: 'chart-znodes',
    series: [
      { key: 'znodes', label: 'Znodes', color: '#4263eb' },
      { key: 'ephemerals', label: 'Ephemeral', color: '#12b886' },
    ],
  },
  {
    title: 'Sessions and watches',
    icon: Users,
    series: [
      { key: 'sessions', label: 'Sessions', color: '#7048e8' },
      { key: 'watches', label: 'Watches', color: '#f59f00' },
    ],
  },
  {
    title: 'Requests per second',
    icon: Gauge,
    series: [
      { key: 'requestsPerSec', label: 'Requests', color: '#1c7ed6' },
      { key: 'commitsPerSec', label: 'Commits', color: '#e64980' },
    ],
    unit: '/s',
  },
  {
    title: 'Commit latency (ms)',
    icon: Timer,
    series: [{ key: 'commitLatencyMs', label: 'Mean commit', color: '#0ca678' }],
    unit: ' ms',
  },
];

export function OverviewPage() {
  const overview = useQuery({
    queryKey: ['overview'],
    queryFn: adminApi.overview,
    refetchInterval: 2000,
  });
  const samples = useStatsHistory();
  const latest = samples[samples.length - 1];
  const o = overview.data;

  return (
    <>
      <PageHeader
        title="Overview"
        subtitle="The server at a glance: its tree, sessions and load over the last minutes"
      />
      {overview.isError && <ErrorBanner error={overview.error} />}
      <div className="stat-grid">
        <StatCard
          testId="stat-znodes"
          label="Znodes"
          icon={<FileStack size={20} />}
          value={o ? formatNumber(o.counts.nodes) : '–'}
          hint={o && `${formatNumber(o.counts.ephemerals)} ephemeral`}
        />
        <StatCard
          testId="stat-sessions"
          label="Sessions"
          icon={<Users size={20} />}
          value={o ? formatNumber(o.counts.sessions) : '–'}
          hint={o && counted(o.counts.subscriptions, 'subscription')}
        />
        <StatCard
          label="Watches"
          icon={<Eye size={20} />}
          value={o ? formatNumber(o.counts.watches) : '–'}
          hint={o && `${counted(o.counts.pendingWrites, 'write')} queued`}
        />
        <StatCard
          label="Requests / s"
          icon={<Activity size={20} />}
          value={latest ? formatNumber(Math.round(latest.requestsPerSec)) : '–'}
          hint={latest && `${formatNumber(Math.round(latest.commitsPerSec))} commits / s`}
        />
        <StatCard
          label="Last zxid"
          icon={<Hash size={20} />}
          value={o ? formatNumber(o.lastZxid) : '–'}
          hint={o && latest && `up ${formatDuration(latest.at - o.startedAt)}`}
        />
      </div>

      <div className="chart-grid">
        {CHARTS.map((c) => (
          <Card key={c.title} title={c.title} icon={<c.icon size={16} />} testId={c.testId}>
            <MetricChart samples={samples} series={c.series} unit={c.unit} />
          </Card>
        ))}
      </div>

      <div className="overview-details">
        <Card title="Server" icon={<Server size={16} />} flush>
          <dl className="facts">
            <dt>Zoonest</dt>
            <dd data-testid="server-version">{o?.version ?? '–'}</dd>
            <dt>ZooKeeper protocol</dt>
            <dd>{o?.zookeeperVersion ?? '–'}</dd>
            <dt>Node.js</dt>
            <dd>{o?.nodeVersion ?? '–'}</dd>
            <dt>Database</dt>
            <dd>{o ? (o.database === 'sqlite' ? 'SQLite (embedded)' : 'PostgreSQL') : '–'}</dd>
            <dt>Started</dt>
            <dd>
              <Clock size={13} /> {o ? formatDateTime(o.startedAt) : '–'}
            </dd>
          </dl>
        </Card>
        <Card title="Settings" icon={<Settings2 size={16} />} flush>
          <dl className="settings-grid" data-testid="settings">
            {o?.settings.map((s) => (
              <div key={s.name} className="fact">
                <dt className="mono muted">{s.name}</dt>
                <dd className="mono" title={s.value}>
                  {s.value || <span className="muted">unset</span>}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}
