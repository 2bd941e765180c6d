import { Layers } from 'lucide-react';
import type { CoordinationJson } from '../../api/types';
import { Card } from '../../components/card';
import { Table } from '../../components/table';

/** Each consumer group's members and which member owns which partition. */
export function ConsumerGroupsCard({ c }: { c: CoordinationJson }) {
  return (
    <Card title="Consumer groups" icon={<Layers size={16} />} flush testId="consumer-groups">
      {c.consumerGroups.length === 0 ? (
        <p className="muted pad">No consumer groups.</p>
      ) : (
        <Table columns={['Group', 'Members', 'Partition assignment']}>
          {c.consumerGroups.map((g) => (
            <tr key={g.group}>
              <td className="mono">{g.group}</td>
              <td className="chips">
                {g.members.map((m) => (
                  <span key={m.id} className="chip">
                    {m.id}
                  </span>
                ))}
              </td>
              <td>
                {Object.entries(g.owners).map(([topic, parts]) => (
                  <div key={topic} className="assignment">
                    <span className="mono muted">{topic}</span>
                    {Object.entries(parts).map(([p, owner]) => (
                      <span key={p} className="chip">
                        {p} → {owner}
                      </span>
                    ))}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
