import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Coordinator } from '../../core/coordinator';

interface Entry {
  controller: AbortController;
  users: number;
}

/**
 * An AbortSignal per session that fires when the session closes or expires, so a wait made for
 * a session ends with it instead of acquiring for a session that no longer exists.
 */
@Injectable()
export class SessionSignals implements OnModuleDestroy {
  private readonly entries = new Map<bigint, Entry>();
  private readonly stop: () => void;
  private readonly shutdown = new AbortController();

  constructor(zk: Coordinator) {
    this.stop = zk.onSessionClosed((sessionId) => {
      this.entries.get(sessionId)?.controller.abort();
      this.entries.delete(sessionId);
    });
  }

  /** The session's signal (or only the shutdown signal without a session), and how to let go. */
  hold(sessionId: bigint): { signal: AbortSignal; release: () => void } {
    if (sessionId === 0n) return { signal: this.shutdown.signal, release: () => undefined };
    let entry = this.entries.get(sessionId);
    if (!entry) {
      entry = { controller: new AbortController(), users: 0 };
      this.entries.set(sessionId, entry);
    }
    entry.users += 1;
    const held = entry;
    let released = false;
    return {
      signal: AbortSignal.any([held.controller.signal, this.shutdown.signal]),
      release: () => {
        if (released) return;
        released = true;
        held.users -= 1;
        if (held.users === 0 && this.entries.get(sessionId) === held)
          this.entries.delete(sessionId);
      },
    };
  }

  onModuleDestroy(): void {
    this.stop();
    this.shutdown.abort();
    for (const entry of this.entries.values()) entry.controller.abort();
    this.entries.clear();
  }
}
