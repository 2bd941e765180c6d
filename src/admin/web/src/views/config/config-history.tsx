import { useQuery } from '@tanstack/react-query';
import { GitCompare, History, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { adminApi } from '../../api/admin-api';
import type { ConfigEntry, HistoryMeta } from '../../api/types';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { ErrorBanner } from '../../components/error-banner';
import { Table } from '../../components/table';
import { formatDateTime } from '../../lib/format';
import { DiffDialog } from './diff-dialog';
import { RollbackDialog } from './rollback-dialog';

/** The kept versions of a key: compare any with the current one, or publish it again. */
export function ConfigHistory({ entry }: { entry: ConfigEntry }) {
  const history = useQuery({
    queryKey: ['config', 'history', entry.namespace, entry.group, entry.key],
    queryFn: () => adminApi.configHistory(entry),
  });
  const [diffFrom, setDiffFrom] = useState<number | undefined>();
  const [rollingBack, setRollingBack] = useState<HistoryMeta | undefined>();

  return (
    <Card title="History" icon={<History size={16} />} flush testId="config-history">
      {history.isError && <ErrorBanner error={history.error} />}
      <Table columns={['Version', 'Published', 'Format', 'MD5', '']}>
        {(history.data ?? []).map((h) => (
          <tr key={h.version} data-testid="history-row" data-version={h.version}>
            <td>
              <span className="mono">v{h.version}</span>{' '}
              {h.version === entry.version && <Badge tone="green">current</Badge>}
              {h.rolledBackFrom !== undefined && (
                <Badge tone="amber">rollback of v{h.rolledBackFrom}</Badge>
              )}
            </td>
            <td className="muted">{formatDateTime(h.publishedAt)}</td>
            <td>{h.format}</td>
            <td className="mono muted">{h.md5.slice(0, 8)}</td>
            <td className="right nowrap">
              {h.version !== entry.version && (
                <>
                  <button
                    type="button"
                    className="button small ghost"
                    onClick={() => setDiffFrom(h.version)}
                  >
                    <GitCompare size={14} /> Diff
                  </button>
                  <button type="button" className="button small" onClick={() => setRollingBack(h)}>
                    <RotateCcw size={14} /> Roll back
                  </button>
                </>
              )}
            </td>
          </tr>
        ))}
      </Table>
      {diffFrom !== undefined && (
        <DiffDialog entry={entry} from={diffFrom} onClose={() => setDiffFrom(undefined)} />
      )}
      {rollingBack && (
        <RollbackDialog entry={entry} to={rollingBack} onClose={() => setRollingBack(undefined)} />
      )}
    </Card>
  );
}
