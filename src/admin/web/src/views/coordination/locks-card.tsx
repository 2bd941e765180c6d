import { Lock } from 'lucide-react';
import type { ContenderJson, CoordinationJson } from '../../api/types';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { Table } from '../../components/table';
import { formatAgo, shortSession } from '../../lib/format';

/** Mutexes, read-write locks and semaphores: who holds each and how many wait. */
export function LocksCard({ c }: { c: CoordinationJson }) {
  const rows = [
    ...c.locks.map((l) => ({
      kind: 'mutex',
      name: l.name,
      holders: l.holder ? [l.holder] : [],
      waiters: l.waiters,
    })),
    ...c.rwLocks.map((l) => ({
      kind: 'read/write',
      name: l.name,
      holders: l.writer ? [l.writer] : l.readers,
      waiters: l.waiters,
    })),
    ...c.semaphores.map((s) => ({
      kind: `semaphore (${s.maxLeases ?? '?'} leases)`,
      name: s.name,
      holders: s.holders,
      waiters: s.waiters,
    })),
  ];
  return (
    <Card title="Locks" icon={<Lock size={16} />} flush testId="locks">
      {rows.length === 0 ? (
        <p className="muted pad">No locks.</p>
      ) : (
        <Table columns={['Lock', 'Kind', 'Held by', 'Waiting']}>
          {rows.map((r) => (
            <tr key={`${r.kind}:${r.name}`} data-testid="lock-row" data-lock={r.name}>
              <td className="mono">{r.name}</td>
              <td>
                <Badge>{r.kind}</Badge>
              </td>
              <td>
                {r.holders.length === 0 ? (
                  <Badge tone="green">free</Badge>
                ) : (
                  r.holders.map((h) => <Holder key={h.node} who={h} />)
                )}
              </td>
              <td>
                {r.waiters.length === 0 ? (
                  <span className="muted">–</span>
                ) : (
                  <Badge tone="amber">{r.waiters.length} waiting</Badge>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}

function Holder({ who }: { who: ContenderJson }) {
  return (
    <span className="holder">
      <span className="mono">{who.owner || who.node}</span>
      <span className="muted small">
        {' '}
        session {shortSession(who.sessionId)} · {formatAgo(who.since)}
      </span>
    </span>
  );
}
