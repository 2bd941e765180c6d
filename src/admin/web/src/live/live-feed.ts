import { io, type Socket } from 'socket.io-client';
import type { AuditEntryJson, ChangesMessage, ChangeJson, ErrorJson } from '../api/types';

export type FeedStatus = 'connecting' | 'live' | 'offline';

interface Follow {
  prefix: string;
  history: number;
  /** The last zxid delivered: after a reconnect the follow resumes right after it. */
  lastZxid: number | undefined;
  subscriptionId: number | undefined;
  onChanges: (events: ChangeJson[], dropped: number) => void;
}

/**
 * The dashboard's live connection (Socket.IO namespace `/admin`): follows of path prefixes,
 * which survive reconnects without losing or repeating a change, and the audit stream.
 */
export class LiveFeed {
  private readonly socket: Socket;
  private readonly follows = new Set<Follow>();
  private readonly statusListeners = new Set<(s: FeedStatus) => void>();
  private readonly auditListeners = new Set<(e: AuditEntryJson) => void>();
  status: FeedStatus = 'connecting';

  constructor(onRefused: () => void) {
    this.socket = io('/admin', { withCredentials: true, autoConnect: false });
    this.socket.on('connect', () => {
      this.setStatus('live');
      for (const f of this.follows) this.start(f);
    });
    this.socket.on('disconnect', () => this.setStatus('offline'));
    this.socket.on('connect_error', (err: Error) => {
      this.setStatus('offline');
      if (/log in/.test(err.message)) onRefused();
    });
    this.socket.on('changes', (batch: ChangesMessage) => {
      for (const f of this.follows) {
        if (f.subscriptionId !== batch.subscriptionId) continue;
        const last = batch.events[batch.events.length - 1];
        if (last) f.lastZxid = last.zxid;
        f.onChanges(batch.events, batch.dropped);
      }
    });
    this.socket.on('audit', (entry: AuditEntryJson) => {
      for (const l of this.auditListeners) l(entry);
    });
  }

  /** Changes under `prefix`, starting `history` transactions back; the answer unfollows. */
  follow(
    prefix: string,
    history: number,
    onChanges: (events: ChangeJson[], dropped: number) => void,
  ): () => void {
    const f: Follow = {
      prefix,
      history,
      lastZxid: undefined,
      subscriptionId: undefined,
      onChanges,
    };
    this.follows.add(f);
    if (this.socket.connected) this.start(f);
    return () => {
      this.follows.delete(f);
      if (f.subscriptionId !== undefined)
        this.socket.emit('unfollow', { subscriptionId: f.subscriptionId });
    };
  }

  onAudit(listener: (e: AuditEntryJson) => void): () => void {
    this.auditListeners.add(listener);
    return () => this.auditListeners.delete(listener);
  }

  onStatus(listener: (s: FeedStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  open(): void {
    this.socket.connect();
  }

  close(): void {
    this.socket.disconnect();
  }

  private start(f: Follow): void {
    f.subscriptionId = undefined;
    const from = f.lastZxid === undefined ? { history: f.history } : { fromZxid: f.lastZxid };
    this.socket.emit(
      'follow',
      { prefix: f.prefix, ...from },
      (err: ErrorJson | null, res?: { subscriptionId: number; fromZxid: number }) => {
        if (err || !res) return;
        if (!this.follows.has(f)) {
          this.socket.emit('unfollow', { subscriptionId: res.subscriptionId });
          return;
        }
        f.subscriptionId = res.subscriptionId;
        if (f.history === 0) f.lastZxid ??= res.fromZxid;
      },
    );
  }

  private setStatus(status: FeedStatus): void {
    this.status = status;
    for (const l of this.statusListeners) l(status);
  }
}
