import { useQuery, useQueryClient } from '@tanstack/react-query';
import { RotateCcw } from 'lucide-react';
import { adminApi } from '../../api/admin-api';
import type { ConfigEntry, HistoryMeta } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DiffView } from './diff-view';

/** Publishes an old version again, after showing what that changes. */
export function RollbackDialog({
  entry,
  to,
  onClose,
}: {
  entry: ConfigEntry;
  to: HistoryMeta;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const diff = useQuery({
    queryKey: [
      'config',
      'diff',
      entry.namespace,
      entry.group,
      entry.key,
      entry.version,
      to.version,
    ],
    queryFn: () => adminApi.configDiff(entry, entry.version, to.version),
  });
  return (
    <ConfirmDialog
      title={`Roll back to v${to.version}`}
      testId="rollback-dialog"
      tone="primary"
      confirmLabel={
        <>
          <RotateCcw size={16} /> Publish v{to.version} again
        </>
      }
      action={() => adminApi.rollbackConfig(entry, to.version, entry.version)}
      onDone={async () => {
        await client.invalidateQueries({ queryKey: ['config'] });
        onClose();
      }}
      onClose={onClose}
    >
      <p>
        The content of version {to.version} is published as version {entry.version + 1}; every
        subscriber gets it at once. What changes:
      </p>
      {diff.data && <DiffView diff={diff.data.diff || '(no difference)'} />}
    </ConfirmDialog>
  );
}
