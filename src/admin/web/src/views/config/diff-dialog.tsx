import { useQuery } from '@tanstack/react-query';
import { adminApi } from '../../api/admin-api';
import type { ConfigEntry } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { Modal } from '../../components/modal';
import { DiffView } from './diff-view';

/** What changed from an old version to the current one. */
export function DiffDialog({
  entry,
  from,
  onClose,
}: {
  entry: ConfigEntry;
  from: number;
  onClose: () => void;
}) {
  const diff = useQuery({
    queryKey: ['config', 'diff', entry.namespace, entry.group, entry.key, from, entry.version],
    queryFn: () => adminApi.configDiff(entry, from, entry.version),
  });
  return (
    <Modal title={`v${from} → v${entry.version}`} onClose={onClose} testId="diff-dialog">
      {diff.isError && <ErrorBanner error={diff.error} />}
      {diff.data && <DiffView diff={diff.data.diff || '(no difference)'} />}
    </Modal>
  );
}
