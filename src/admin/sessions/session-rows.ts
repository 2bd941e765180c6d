import type { Coordinator } from '../../core/coordinator';
import type { SessionRow } from '../admin-api-types';

/** Every live session with what it holds, longest-lived first. */
export function sessionRows(zk: Coordinator, now: number): SessionRow[] {
  const watches = zk.watchedPathsBySession();
  return zk
    .listSessions()
    .filter((s) => !s.closing)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
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
    }));
}
