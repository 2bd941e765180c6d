import { Activity, Pause, Play } from 'lucide-react';
import { useState } from 'react';
import type { ChangeType } from '../../api/types';
import { Badge, type Tone } from '../../components/badge';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Table } from '../../components/table';
import { formatBytes, formatNumber, formatTime } from '../../lib/format';
import { toggled } from '../../lib/toggled';
import { useChangeStream } from './use-change-stream';

const TYPES: ReadonlyArray<{ type: ChangeType; label: string; tone: Tone }> = [
  { type: 'NodeCreated', label: 'Created', tone: 'green' },
  { type: 'NodeDataChanged', label: 'Data changed', tone: 'blue' },
  { type: 'NodeDeleted', label: 'Deleted', tone: 'red' },
  { type: 'NodeACLChanged', label: 'ACL changed', tone: 'violet' },
];

const toneOf = (type: ChangeType) => TYPES.find((t) => t.type === type)?.tone ?? 'neutral';
const labelOf = (type: ChangeType) => TYPES.find((t) => t.type === type)?.label ?? type;

/** Every change under a path, from the transaction log, as it happens. */
export function EventsPage() {
  const [prefixInput, setPrefixInput] = useState('/');
  const [prefix, setPrefix] = useState('/');
  const [types, setTypes] = useState<ReadonlySet<ChangeType>>(new Set(TYPES.map((t) => t.type)));
  const [paused, setPaused] = useState(false);
  const { events, dropped } = useChangeStream(prefix, paused);
  const shown = events.filter((e) => types.has(e.type));
  const toggle = (type: ChangeType) => setTypes((old) => toggled(old, type));

  return (
    <>
      <PageHeader
        title="Events"
        subtitle="The transaction log as a live stream: the last 200 transactions, then every new one"
      />
      <Card>
        <form
          className="filter-bar"
          onSubmit={(e) => {
            e.preventDefault();
            setPrefix(prefixInput.trim() || '/');
          }}
        >
          <label className="inline-field">
            Path prefix
            <input
              className="mono"
              aria-label="Path prefix"
              value={prefixInput}
              onChange={(e) => setPrefixInput(e.target.value)}
            />
          </label>
          <button type="submit" className="button">
            Apply
          </button>
          <div className="type-filters" role="group" aria-label="Event types">
            {TYPES.map((t) => (
              <label key={t.type} className={types.has(t.type) ? 'toggle on' : 'toggle'}>
                <input
                  type="checkbox"
                  checked={types.has(t.type)}
                  onChange={() => toggle(t.type)}
                />
                {t.label}
              </label>
            ))}
          </div>
          <button type="button" className="button ghost" onClick={() => setPaused(!paused)}>
            {paused ? <Play size={16} /> : <Pause size={16} />}
            {paused ? 'Resume' : 'Pause'}
          </button>
        </form>
      </Card>
      <Card
        title={`Changes under ${prefix}`}
        icon={<Activity size={16} />}
        actions={
          <>
            {dropped > 0 && <Badge tone="amber">{formatNumber(dropped)} skipped in bursts</Badge>}
            <Badge>{formatNumber(shown.length)} shown</Badge>
          </>
        }
        flush
      >
        {shown.length === 0 ? (
          <EmptyState
            icon={<Activity size={28} />}
            title={paused ? 'Paused' : 'Waiting for changes…'}
          />
        ) : (
          <Table
            columns={['Time', 'zxid', 'Change', 'Path', 'Version', 'Size']}
            testId="events-table"
          >
            {shown.map((e) => (
              <tr key={`${e.zxid}:${e.type}:${e.path}`} data-testid="event-row">
                <td className="muted nowrap">
                  {/* A node's mtime is when it was created or written; not when it went. */}
                  {e.type === 'NodeCreated' || e.type === 'NodeDataChanged'
                    ? formatTime(e.mtime)
                    : '–'}
                </td>
                <td className="mono">{e.zxid}</td>
                <td>
                  <Badge tone={toneOf(e.type)}>{labelOf(e.type)}</Badge>
                  {e.ephemeral && <Badge tone="amber">ephemeral</Badge>}
                </td>
                <td className="mono">{e.path}</td>
                <td>{e.type === 'NodeDeleted' ? '–' : e.version}</td>
                <td className="muted">{formatBytes(e.dataLength)}</td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
