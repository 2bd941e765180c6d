import type { StatJson } from '../../api/types';
import { formatBytes, formatDateTime, formatNumber, shortSession } from '../../lib/format';

/** ZooKeeper's Stat, the way zkCli prints it, with readable times. */
export function StatTable({ stat }: { stat: StatJson }) {
  const rows: Array<[string, string]> = [
    ['czxid', formatNumber(stat.czxid)],
    ['mzxid', formatNumber(stat.mzxid)],
    ['pzxid', formatNumber(stat.pzxid)],
    ['ctime', formatDateTime(stat.ctime)],
    ['mtime', formatDateTime(stat.mtime)],
    ['version', String(stat.version)],
    ['cversion', String(stat.cversion)],
    ['aversion', String(stat.aversion)],
    ['ephemeralOwner', stat.ephemeralOwner === '0' ? '0' : shortSession(stat.ephemeralOwner)],
    ['dataLength', formatBytes(stat.dataLength)],
    ['numChildren', formatNumber(stat.numChildren)],
  ];
  return (
    <dl className="facts stat-facts" data-testid="node-stat">
      {rows.map(([k, v]) => (
        <div key={k} className="fact">
          <dt>{k}</dt>
          <dd className="mono">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
