import { useQueryClient } from '@tanstack/react-query';
import { adminApi } from '../../api/admin-api';
import type { SessionRow } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';

/** Ends a session for good, as its expiry would: what it holds goes with it. */
export function CloseSessionDialog({
  session,
  onClose,
}: {
  session: SessionRow;
  onClose: () => void;
}) {
  const client = useQueryClient();
  return (
    <ConfirmDialog
      title="Close session"
      testId="close-session-dialog"
      confirmLabel="Close session"
      action={() => adminApi.closeSession(session.sessionId)}
      onDone={async () => {
        await client.invalidateQueries({ queryKey: ['sessions'] });
        onClose();
      }}
      onClose={onClose}
    >
      <p>
        Close session <code>{session.hex}</code> ({session.transport}, {session.remoteAddress})?
      </p>
      <p className="muted">
        Its {session.ephemerals.length} ephemeral node(s) are deleted at once, so locks it holds are
        released and its service instances leave the registry. The client sees its session expire.
      </p>
    </ConfirmDialog>
  );
}
