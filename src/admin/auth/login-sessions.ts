import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface LoginSession {
  user: string;
  expiresAt: number;
}

/** Sessions beyond this many push out the oldest, so logins cannot fill the memory. */
const MAX_SESSIONS = 1000;

/**
 * Dashboard logins: a random token per login, sent as `{token}.{HMAC of token}` in a cookie.
 * They live in this process only: a restart (or another replica) asks for a new login.
 */
export class LoginSessions {
  private readonly key = randomBytes(32);
  private readonly sessions = new Map<string, LoginSession>();

  constructor(
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(user: string): { cookie: string; session: LoginSession } {
    this.sweep();
    const token = randomBytes(32).toString('base64url');
    const session = { user, expiresAt: this.now() + this.ttlMs };
    this.sessions.set(token, session);
    return { cookie: `${token}.${this.sign(token)}`, session };
  }

  /** The live session a cookie value names, if its signature holds. */
  verify(cookie: string | undefined): LoginSession | undefined {
    const token = this.tokenOf(cookie);
    const session = token === undefined ? undefined : this.sessions.get(token);
    if (!session || token === undefined) return undefined;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(token);
      return undefined;
    }
    return session;
  }

  revoke(cookie: string | undefined): void {
    const token = this.tokenOf(cookie);
    if (token !== undefined) this.sessions.delete(token);
  }

  private tokenOf(cookie: string | undefined): string | undefined {
    const [token, signature, ...rest] = (cookie ?? '').split('.');
    if (!token || !signature || rest.length > 0) return undefined;
    const expected = Buffer.from(this.sign(token));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected) ? token : undefined;
  }

  private sign(token: string): string {
    return createHmac('sha256', this.key).update(token).digest('base64url');
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(token);
    for (const token of this.sessions.keys()) {
      if (this.sessions.size < MAX_SESSIONS) break;
      this.sessions.delete(token);
    }
  }
}
