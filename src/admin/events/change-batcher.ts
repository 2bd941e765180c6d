import type { ChangeEvent } from '../../core/watch-event';
import type { ChangeBatch, ChangeJson } from '../admin-api-types';

export const MAX_BATCH = 1000;

/**
 * Gathers changes and hands them on at most once per interval, keeping the newest MAX_BATCH:
 * a write storm must not flood a dashboard that only needs to know what to reload.
 */
export class ChangeBatcher {
  private pending: ChangeEvent[] = [];
  private dropped = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly flush: (batch: ChangeBatch) => void,
  ) {}

  push(event: ChangeEvent): void {
    this.pending.push(event);
    // Trimmed once per MAX_BATCH events, not on each one, so a storm costs no copy per commit.
    if (this.pending.length >= 2 * MAX_BATCH) this.keepNewest();
    this.timer ??= setTimeout(() => this.emit(), this.intervalMs);
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }

  private keepNewest(): void {
    const over = this.pending.length - MAX_BATCH;
    if (over <= 0) return;
    this.dropped += over;
    this.pending = this.pending.slice(over);
  }

  private emit(): void {
    this.timer = undefined;
    this.keepNewest();
    const batch = { events: this.pending.map(changeJson), dropped: this.dropped };
    this.pending = [];
    this.dropped = 0;
    if (batch.events.length > 0) this.flush(batch);
  }
}

function changeJson(event: ChangeEvent): ChangeJson {
  return {
    type: event.type,
    path: event.path,
    zxid: event.zxid,
    mtime: event.stat.mtime,
    version: event.stat.version,
    dataLength: event.stat.dataLength,
    ephemeral: event.stat.ephemeralOwner !== 0n,
  };
}
