import type { ChangeEvent } from '../../core/watch-event';
import type { ChangeBatch, ChangeJson } from '../admin-api-types';

export const MAX_BATCH = 1000;

/**
 * Gathers changes and hands them on at most once per interval, keeping the newest MAX_BATCH:
 * a write storm must not flood a dashboard that only needs to know what to reload.
 */
export class ChangeBatcher {
  private pending: ChangeJson[] = [];
  private dropped = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly flush: (batch: ChangeBatch) => void,
  ) {}

  push(event: ChangeEvent): void {
    this.pending.push({
      type: event.type,
      path: event.path,
      zxid: event.zxid,
      mtime: event.stat.mtime,
      version: event.stat.version,
      dataLength: event.stat.dataLength,
      ephemeral: event.stat.ephemeralOwner !== 0n,
    });
    if (this.pending.length > MAX_BATCH) {
      this.dropped += this.pending.length - MAX_BATCH;
      this.pending = this.pending.slice(-MAX_BATCH);
    }
    this.timer ??= setTimeout(() => this.emit(), this.intervalMs);
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }

  private emit(): void {
    this.timer = undefined;
    const batch = { events: this.pending, dropped: this.dropped };
    this.pending = [];
    this.dropped = 0;
    if (batch.events.length > 0) this.flush(batch);
  }
}
