/**
 * ZooKeeper's FIFO order per session: a session's read waits until its earlier writes are
 * applied, so a client always reads its own writes. Only the latest write matters, since the
 * write path applies a session's writes in the order they were submitted.
 */
export class SessionOrder {
  private readonly latest = new Map<bigint, Promise<unknown>>();

  /** Records `write` as the session's latest; it is forgotten once it settles. */
  wrote(sessionId: bigint, write: Promise<unknown>): void {
    if (sessionId === 0n) return;
    const marker = write.catch(() => undefined);
    this.latest.set(sessionId, marker);
    void marker.then(() => {
      if (this.latest.get(sessionId) === marker) this.latest.delete(sessionId);
    });
  }

  /** Resolves once the session's writes so far have settled. */
  async settled(sessionId: bigint): Promise<void> {
    const pending = sessionId === 0n ? undefined : this.latest.get(sessionId);
    if (pending) await pending;
  }
}
