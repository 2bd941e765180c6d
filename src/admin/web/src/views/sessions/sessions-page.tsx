import { useQuery } from '@tanstack/react-query';
import { ChevronDown, ChevronRight, Plug, Power, Users } from 'lucide-react';
import { Fragment, useState } from 'react';
import { adminApi } from '../../api/admin-api';
import type { SessionRow } from '../../api/types';
import { Badge, TransportBadge } from '../../components/badge';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { StatCard } from '../../components/stat-card';
import { Table } from '../../components/table';
import { formatDuration } from '../../lib/format';
import { toggled } from '../../lib/toggled';
import { CloseSessionDialog } from './close-session-dialog';
import { PathList } from './path-list';

/** Live sessions: transport, address, timeout, what they hold; an operator can end one. */
export function SessionsPage() {
  const sessions = useQuery({
    queryKey: ['sessions'],
    queryFn: adminApi.sessions,
    refetchInterval: 2000,
  });
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [closing, setClosing] = useState<SessionRow | undefined>();
  const list = sessions.data ?? [];
  const byTransport = (t: string) => list.filter((s) => s.transport === t).length;
  const toggle = (id: string) => setOpen((old) => toggled(old, id));

  return (
    <>
      <PageHeader
        title="Sessions"
        subtitle="Clients holding a session, over REST, Socket.IO or the ZooKeeper protocol"
      />
      <div className="stat-grid">
        <StatCard label="Sessions" icon={<Users size={20} />} value={list.length} />
        <StatCard label="REST" icon={<Plug size={20} />} value={byTransport('rest')} />
        <StatCard label="Socket.IO" icon={<Plug size={20} />} value={byTransport('socketio')} />
        <StatCard label="ZooKeeper" icon={<Plug size={20} />} value={byTransport('zookeeper')} />
      </div>
      {sessions.isError && <ErrorBanner error={sessions.error} />}
      <Card title="Live sessions" icon={<Users size={16} />} flush>
        {sessions.isPending ? (
          <Loading />
        ) : list.length === 0 ? (
          <EmptyState icon={<Users size={28} />} title="No sessions">
            Sessions appear here as clients connect.
          </EmptyState>
        ) : (
          <Table
            columns={[
              '',
              'Session',
              'Transport',
              'Address',
              'Timeout',
              'Expires',
              'Ephemerals',
              'Watches',
              '',
            ]}
            testId="sessions-table"
          >
            {list.map((s) => (
              <Fragment key={s.sessionId}>
                <tr data-testid="session-row" data-session={s.sessionId}>
                  <td>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label="Details"
                      onClick={() => toggle(s.sessionId)}
                    >
                      {open.has(s.sessionId) ? (
                        <ChevronDown size={16} />
                      ) : (
                        <ChevronRight size={16} />
                      )}
                    </button>
                  </td>
                  <td className="mono">{s.hex}</td>
                  <td>
                    <TransportBadge transport={s.transport} />
                  </td>
                  <td className="mono">{s.remoteAddress || '–'}</td>
                  <td>{formatDuration(s.timeoutMs)}</td>
                  <td>
                    {s.expiresInMs === null ? (
                      <Badge tone="green">connected</Badge>
                    ) : (
                      `in ${formatDuration(s.expiresInMs)}`
                    )}
                  </td>
                  <td>{s.ephemerals.length}</td>
                  <td>{s.watches.length}</td>
                  <td className="right">
                    <button
                      type="button"
                      className="button small danger-outline"
                      onClick={() => setClosing(s)}
                    >
                      <Power size={14} /> Close
                    </button>
                  </td>
                </tr>
                {open.has(s.sessionId) && (
                  <tr className="detail-row">
                    <td />
                    <td colSpan={8}>
                      <div className="two-columns tight">
                        <PathList title="Ephemeral nodes" paths={s.ephemerals} />
                        <PathList title="Watched paths" paths={s.watches} />
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </Table>
        )}
      </Card>
      {closing && <CloseSessionDialog session={closing} onClose={() => setClosing(undefined)} />}
    </>
  );
}
