import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RotateCcw } from 'lucide-react';
import { adminApi } from '../../api/admin-api';
import type { ConfigEntry, HistoryMeta } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { Modal } from '../../components/modal';
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
  const rollback = useMutation({
    mutationFn: () => adminApi.rollbackConfig(entry, to.version, entry.version),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['config'] });
      onClose();
    },
  });
  return (
    <Modal
      title={`Roll back to v${to.version}`}
      onClose={onClose}
      testId="rollback-dialog"
      footer={
        <>
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            disabled={rollback.isPending}
            onClick={() => rollback.mutate()}
          >
            <RotateCcw size={16} /> Publish v{to.version} again
          </button>
        </>
      }
    >
      {rollback.isError && <ErrorBanner error={rollback.error} />}
      <p>
        The content of version {to.version} is published as version {entry.version + 1}; every
        subscriber gets it at once. What changes:
      </p>
      {diff.data && <DiffView diff={diff.data.diff || '(no difference)'} />}
    </Modal>
  );
}
