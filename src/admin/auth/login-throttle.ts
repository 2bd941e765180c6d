const MAX_FAILURES = 10;
const WINDOW_MS = 60_000;

/** Slows password guessing: an address with too many failed logins waits out the window. */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  allowed(address: string): boolean {
    const f = this.current(address);
    return !f || f.count < MAX_FAILURES;
  }

  failed(address: string): void {
    const now = this.now();
    for (const [a, f] of this.failures) if (now - f.since >= WINDOW_MS) this.failures.delete(a);
    const f = this.failures.get(address);
    if (f) f.count += 1;
    else this.failures.set(address, { count: 1, since: now });
  }

  succeeded(address: string): void {
    this.failures.delete(address);
  }

  private current(address: string): { count: number; since: number } | undefined {
    const f = this.failures.get(address);
    if (f && this.now() - f.since >= WINDOW_MS) {
      this.failures.delete(address);
      return undefined;
    }
    return f;
  }
}
