import type { ServiceInstance } from '../../api/types';
import { Badge } from '../../components/badge';
import { Table } from '../../components/table';
import { formatAgo, shortSession } from '../../lib/format';

const STATUS_TONES: Record<string, 'green' | 'amber' | 'red'> = {
  UP: 'green',
  up: 'green',
  STARTING: 'amber',
  DOWN: 'red',
  down: 'red',
};

export function InstanceTable({ instances }: { instances: ServiceInstance[] }) {
  return (
    <Table
      columns={[
        'Instance',
        'Address',
        'Protocol',
        'Weight',
        'Status',
        'Metadata',
        'Session',
        'Registered',
      ]}
      testId="instance-table"
    >
      {instances.map((i) => (
        <tr key={i.node} data-testid="instance-row" data-instance={i.id}>
          <td className="mono">{i.id}</td>
          <td className="mono">
            {i.host}:{i.port}
          </td>
          <td>{i.protocol}</td>
          <td>
            <div className="weight">
              <div className="weight-bar" style={{ width: `${Math.min(100, i.weight)}%` }} />
              <span>{i.weight}</span>
            </div>
          </td>
          <td>
            <Badge tone={STATUS_TONES[i.status] ?? 'neutral'}>{i.status}</Badge>
          </td>
          <td className="chips">
            {Object.entries(i.metadata).map(([k, v]) => (
              <span key={k} className="chip">
                {k}={v}
              </span>
            ))}
          </td>
          <td className="mono">{i.sessionId === '0' ? '–' : shortSession(i.sessionId)}</td>
          <td className="muted">{formatAgo(i.registeredAt)}</td>
        </tr>
      ))}
    </Table>
  );
}
