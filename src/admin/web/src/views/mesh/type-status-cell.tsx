import type { TypeStatus } from '../../api/types';
import { Badge } from '../../components/badge';
import { formatAgo } from '../../lib/format';

/** One resource type of one client: the version it runs, and a refusal if it NACKed the last. */
export function TypeStatusCell({ status }: { status: TypeStatus | undefined }) {
  if (!status) return <span className="muted">–</span>;
  return (
    <div className="chips" data-testid="type-status" data-type={status.type}>
      {status.ackedVersion !== null ? (
        <Badge tone="green">ACK v{status.ackedVersion}</Badge>
      ) : (
        <Badge tone="amber">sent v{status.sentVersion ?? '–'}</Badge>
      )}
      {status.nack && (
        <span title={status.nack.message} data-testid="nack">
          <Badge tone="red">NACK v{status.nack.version}</Badge>{' '}
          <span className="muted">
            {status.nack.message} ({formatAgo(status.nack.at)})
          </span>
        </span>
      )}
      <span className="muted mono">{status.subscribed.join(', ')}</span>
    </div>
  );
}
