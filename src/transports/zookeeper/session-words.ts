import { javaDate, javaHex } from './java-format';
import type { SessionFacts } from './server-facts';

const sid = (id: bigint) => `0x${javaHex(id)}`;

/**
 * dump: sessions grouped by when they expire, then each session's ephemeral nodes, as
 * ZooKeeper prints them (Zoonest has no connection expiry queue: that section stays empty).
 */
export function formatDump(facts: SessionFacts): string {
  const byDeadline = new Map<number, bigint[]>();
  for (const { sessionId, deadlineMs } of facts.expiry) {
    byDeadline.set(deadlineMs, [...(byDeadline.get(deadlineMs) ?? []), sessionId]);
  }
  const sets = [...byDeadline].sort(([a], [b]) => a - b);
  const lines = [
    'SessionTracker dump:',
    `Session Sets (${sets.length})/(${facts.expiry.length}):`,
    ...sets.flatMap(([deadline, ids]) => [
      `${ids.length} expire at ${javaDate(deadline)}:`,
      ...ids.map((id) => `\t${sid(id)}`),
    ]),
    'ephemeral nodes dump:',
    `Sessions with Ephemerals (${facts.ephemerals.size}):`,
    ...[...facts.ephemerals].flatMap(([id, paths]) => [
      `${sid(id)}:`,
      ...paths.map((p) => `\t${p}`),
    ]),
    'Connections dump:',
  ];
  return `${lines.join('\n')}\n`;
}

/** wchc: each session and the paths it watches, a blank line after the last. */
export function formatWchc(facts: SessionFacts): string {
  const blocks = [...facts.watches].map(
    ([id, paths]) => `${sid(id)}\n${paths.map((p) => `\t${p}\n`).join('')}`,
  );
  return `${blocks.join('')}\n`;
}

/** wchp: each watched path and the sessions watching it, a blank line after the last. */
export function formatWchp(facts: SessionFacts): string {
  return `${[...watchersByPath(facts)]
    .map(([path, ids]) => `${path}\n${ids.map((id) => `\t${sid(id)}\n`).join('')}`)
    .join('')}\n`;
}

/** The sessions watching each path, paths sorted. */
export function watchersByPath(facts: SessionFacts): Map<string, bigint[]> {
  const byPath = new Map<string, bigint[]>();
  for (const [id, paths] of facts.watches) {
    for (const p of paths) byPath.set(p, [...(byPath.get(p) ?? []), id]);
  }
  return new Map([...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
