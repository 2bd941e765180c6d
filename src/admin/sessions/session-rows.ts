import type { Coordinator } from '../../core/coordinator';

export interface SessionRow {
  sessionId: string;
  /** As ZooKeeper's tools print it. */
  hex: string;
  timeoutMs: number;
  /** Until expiry when nothing touches it; null while a connection holds it open. */
  expiresInMs: number | null;
  connections: number;
  transport: string;
  remoteAddress: string;
  ephemerals: string[];
  watches: string[];
}

/** Every live session with what it holds, longest-lived first. */
export function sessionRows(zk: Coordinator, now: number): SessionRow[] {
  const watches = zk.watchedPathsBySession();
  return zk
    .listSessions()
    .filter((s) => !s.closing)
    .map((s) => ({
      sessionId: s.id.toString(),
      hex: `0x${s.id.toString(16)}`,
      timeoutMs: s.timeoutMs,
      expiresInMs: s.attachments > 0 ? null : Math.max(0, s.deadline - now),
      connections: s.attachments,
      transport: s.transport,
      remoteAddress: s.remoteAddress,
      ephemerals: zk.ephemeralPathsOf(s.id),
      watches: watches.get(s.id) ?? [],
    }))
    .sort((a, b) => (BigInt(a.sessionId) < BigInt(b.sessionId) ? -1 : 1));
}
