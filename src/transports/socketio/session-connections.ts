import type { ZoonestConnection } from './zoonest-connection';

/** The live connections of each session, so a session's end reaches its sockets. */
export class SessionConnections {
  private readonly bySession = new Map<bigint, Set<ZoonestConnection>>();

  add(conn: ZoonestConnection): void {
    let set = this.bySession.get(conn.sessionId);
    if (!set) this.bySession.set(conn.sessionId, (set = new Set()));
    set.add(conn);
  }

  remove(conn: ZoonestConnection): void {
    const set = this.bySession.get(conn.sessionId);
    if (!set?.delete(conn)) return;
    if (set.size === 0) this.bySession.delete(conn.sessionId);
  }

  of(sessionId: bigint): ZoonestConnection[] {
    return [...(this.bySession.get(sessionId) ?? [])];
  }
}
