import { Crown, Vote } from 'lucide-react';
import type { CoordinationJson } from '../../api/types';
import { Card } from '../../components/card';
import { Table } from '../../components/table';
import { formatAgo } from '../../lib/format';

/** Each election group: its leader, the candidates in line, the members. */
export function ElectionsCard({ c }: { c: CoordinationJson }) {
  return (
    <Card title="Elections" icon={<Vote size={16} />} flush testId="elections">
      {c.elections.length === 0 ? (
        <p className="muted pad">No election groups.</p>
      ) : (
        <Table columns={['Group', 'Leader', 'Candidates', 'Members']}>
          {c.elections.map((e) => (
            <tr key={e.group} data-testid="election-row">
              <td className="mono">{e.group}</td>
              <td>
                {e.leader ? (
                  <span className="leader">
                    <Crown size={14} /> <span className="mono">{e.leader.id}</span>
                    <span className="muted small"> since {formatAgo(e.leader.since)}</span>
                  </span>
                ) : (
                  <span className="muted">none</span>
                )}
              </td>
              <td className="chips">
                {e.candidates.map((x, i) => (
                  <span key={x.node} className={i === 0 ? 'chip chip-strong' : 'chip'}>
                    {x.id}
                  </span>
                ))}
              </td>
              <td className="chips">
                {e.members.map((m) => (
                  <span key={m.id} className="chip">
                    {m.id}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
