import { timingSafeEqual } from 'node:crypto';
import type { AuthId } from './acl';
import type { SessionReader, SessionWriter } from './node-store';
import type { Clock } from './ports';
import type { SessionRecord } from './session-record';

export interface Session {
  readonly id: bigint;
  readonly password: Buffer;
  readonly timeoutMs: number;
  /** When the session expires unless touched again. */
  deadline: number;
  /** Identities proven with addAuth (digest) for this session. */
  authIds: AuthId[];
  /** Set once the session is being closed, so it takes no new work. */
  closing: boolean;
  /** Connections currently attached to it (Socket.IO, ZooKeeper protocol). */
  attachments: number;
  /** Transport and remote address it was last seen through, for operators. */
  transport: string;
  remoteAddress: string;
}

/** How a session was last reached, for operators. */
export interface SessionOrigin {
  transport: string;
  remoteAddress: string;
}

/** Live sessions and their deadlines. Durable opening and closing go through transactions. */
export class SessionTable implements SessionReader, SessionWriter {
  private readonly sessions = new Map<bigint, Session>();
  /** Sessions touched since the last takeLive. */
  private readonly touched = new Set<bigint>();

  constructor(private readonly clock: Clock) {}

  /** Restores sessions after a restart; each gets a full timeout to come back, as in ZooKeeper. */
  restore(records: readonly SessionRecord[]): void {
    for (const r of records) this.opened(r.id, r.password, r.timeoutMs);
  }

  /** Forgets every session and restores these instead (a replica reloading its state). */
  replaceWith(records: readonly SessionRecord[]): void {
    this.sessions.clear();
    this.touched.clear();
    this.restore(records);
  }

  opened(id: bigint, password: Buffer, timeoutMs: number): void {
    this.sessions.set(id, {
      id,
      password,
      timeoutMs,
      deadline: this.clock.now() + timeoutMs,
      authIds: [],
      closing: false,
      attachments: 0,
      transport: '',
      remoteAddress: '',
    });
  }

  closed(id: bigint): void {
    this.sessions.delete(id);
    this.touched.delete(id);
  }

  /** Open until its closing transaction commits, even while that is under way. */
  isOpen(id: bigint): boolean {
    return this.sessions.has(id);
  }

  get(id: bigint): Session | undefined {
    return this.sessions.get(id);
  }

  all(): Session[] {
    return [...this.sessions.values()];
  }

  get size(): number {
    return this.sessions.size;
  }

  touch(id: bigint): boolean {
    const s = this.sessions.get(id);
    if (!s || s.closing) return false;
    s.deadline = Math.max(s.deadline, this.clock.now() + s.timeoutMs);
    this.touched.add(id);
    return true;
  }

  /** Pushes a session's deadline to at least `remainingMs` from now (liveness seen elsewhere). */
  extend(id: bigint, remainingMs: number): void {
    const s = this.sessions.get(id);
    if (s && !s.closing) s.deadline = Math.max(s.deadline, this.clock.now() + remainingMs);
  }

  /**
   * Sessions this server kept alive since the last call, with how long each has left: a full
   * timeout while a connection holds it, else until its deadline. For recording liveness where
   * other servers can see it.
   */
  takeLive(): Array<[id: bigint, remainingMs: number]> {
    const now = this.clock.now();
    const live: Array<[bigint, number]> = [];
    for (const s of this.sessions.values()) {
      if (s.closing) continue;
      if (s.attachments > 0) live.push([s.id, s.timeoutMs]);
      else if (this.touched.has(s.id) && s.deadline > now) live.push([s.id, s.deadline - now]);
    }
    this.touched.clear();
    return live;
  }

  /** The live session with this id and password; undefined when either is wrong. */
  verified(id: bigint, password: Buffer): Session | undefined {
    const s = this.sessions.get(id);
    if (!s || s.closing || s.password.length !== password.length) return undefined;
    return timingSafeEqual(s.password, password) ? s : undefined;
  }

  /** Records the transport and address a session was last seen through. */
  seenThrough(id: bigint, origin: SessionOrigin): void {
    const s = this.sessions.get(id);
    if (!s) return;
    s.transport = origin.transport;
    s.remoteAddress = origin.remoteAddress;
  }

  addAuthId(id: bigint, authId: AuthId): void {
    const s = this.sessions.get(id);
    if (s && !s.authIds.some((a) => a.scheme === authId.scheme && a.id === authId.id)) {
      s.authIds.push(authId);
    }
  }

  /** Sessions past their deadline with no connection holding them, not yet being closed. */
  expired(): bigint[] {
    const now = this.clock.now();
    return this.all()
      .filter((s) => !s.closing && s.attachments === 0 && s.deadline <= now)
      .map((s) => s.id);
  }
}
