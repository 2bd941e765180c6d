import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ScrollText } from 'lucide-react';
import { useEffect } from 'react';
import { adminApi } from '../../api/admin-api';
import type { AuditEntryJson } from '../../api/types';
import { Badge, OutcomeBadge } from '../../components/badge';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { ErrorBanner } from '../../components/error-banner';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { Table } from '../../components/table';
import { formatDateTime } from '../../lib/format';
import { useLiveFeed } from '../../live/live-context';

/** Who changed what through the dashboard, newest first; new entries arrive live. */
export function AuditPage() {
  const client = useQueryClient();
  const feed = useLiveFeed();
  const audit = useQuery({ queryKey: ['audit'], queryFn: () => adminApi.audit() });
  useEffect(
    () =>
      feed.onAudit((entry) =>
        client.setQueryData<AuditEntryJson[]>(['audit'], (old) =>
          old?.some((e) => e.id === entry.id) ? old : [entry, ...(old ?? [])],
        ),
      ),
    [feed, client],
  );

  return (
    <>
      <PageHeader
        title="Audit log"
        subtitle="Every change made through the dashboard, and every login, with who made it"
      />
      {audit.isError && <ErrorBanner error={audit.error} />}
      <Card title="Entries" icon={<ScrollText size={16} />} flush>
        {audit.isPending ? (
          <Loading />
        ) : (audit.data ?? []).length === 0 ? (
          <EmptyState icon={<ScrollText size={28} />} title="Nothing recorded yet" />
        ) : (
          <Table
            columns={['When', 'User', 'From', 'Action', 'Target', 'Outcome', 'Detail']}
            testId="audit-table"
          >
            {(audit.data ?? []).map((e) => (
              <tr key={e.id} data-testid="audit-row">
                <td className="muted nowrap">{formatDateTime(e.at)}</td>
                <td>{e.actor}</td>
                <td className="mono muted">{e.remoteAddress}</td>
                <td>
                  <Badge tone="blue">{e.action}</Badge>
                </td>
                <td className="mono">{e.target}</td>
                <td>
                  <OutcomeBadge outcome={e.outcome} />
                </td>
                <td className="chips">
                  {Object.entries(e.detail).map(([k, v]) => (
                    <span key={k} className="chip">
                      {k}={String(v)}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
