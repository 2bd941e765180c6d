import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminApi } from '../../api/admin-api';
import type { SessionRow } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { Modal } from '../../components/modal';

/** Ends a session for good, as its expiry would: what it holds goes with it. */
export function CloseSessionDialog({
  session,
  onClose,
}: {
  session: SessionRow;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const close = useMutation({
    mutationFn: () => adminApi.closeSession(session.sessionId),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['sessions'] });
      onClose();
    },
  });
  return (
    <Modal
      title="Close session"
      onClose={onClose}
      testId="close-session-dialog"
      footer={
        <>
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button danger"
            disabled={close.isPending}
            onClick={() => close.mutate()}
          >
            Close session
          </button>
        </>
      }
    >
      {close.isError && <ErrorBanner error={close.error} />}
      <p>
        Close session <code>{session.hex}</code> ({session.transport}, {session.remoteAddress})?
      </p>
      <p className="muted">
        Its {session.ephemerals.length} ephemeral node(s) are deleted at once, so locks it holds are
        released and its service instances leave the registry. The client sees its session expire.
      </p>
    </Modal>
  );
}
