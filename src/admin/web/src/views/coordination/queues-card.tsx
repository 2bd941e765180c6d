import { ListOrdered } from 'lucide-react';
import type { CoordinationJson } from '../../api/types';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { Table } from '../../components/table';
import { formatNumber } from '../../lib/format';

/** Each queue's depth and its oldest items. */
export function QueuesCard({ c }: { c: CoordinationJson }) {
  return (
    <Card title="Queues" icon={<ListOrdered size={16} />} flush testId="queues">
      {c.queues.length === 0 ? (
        <p className="muted pad">No queues.</p>
      ) : (
        <Table columns={['Queue', 'Depth', 'Awaiting ack', 'Head']}>
          {c.queues.map((q) => (
            <tr key={q.name} data-testid="queue-row" data-queue={q.name}>
              <td className="mono">{q.name}</td>
              <td>
                <span className="depth" data-testid="queue-depth">
                  {formatNumber(q.size)}
                </span>
              </td>
              <td>{q.pendingAck}</td>
              <td>
                {q.head.length === 0 ? (
                  <span className="muted">empty</span>
                ) : (
                  <ol className="queue-head">
                    {q.head.map((item) => (
                      <li key={item.id}>
                        <span className="mono">{item.preview || '(empty)'}</span>
                        {item.pendingAck && <Badge tone="amber">taken</Badge>}
                      </li>
                    ))}
                  </ol>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
