/** Bodies as tests read them: any JSON, checked by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A REST client of the recipes for tests and child processes: one session, kept alive. */
export interface RestReply<T = Json> {
  status: number;
  body: T;
}

export class RecipeRest {
  private timer?: NodeJS.Timeout;
  sessionId = '';
  password = '';

  constructor(readonly url: string) {}

  /** Opens a session and heartbeats it every third of its timeout. */
  async open(timeoutMs = 4000): Promise<this> {
    const res = await this.call('POST', '/api/v1/sessions', { timeoutMs });
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`session: ${JSON.stringify(res.body)}`);
    this.sessionId = res.body.sessionId;
    this.password = res.body.password;
    const every = Math.max(100, Math.floor(res.body.timeoutMs / 3));
    this.timer = setInterval(() => {
      void this.call('POST', `/api/v1/sessions/${this.sessionId}/heartbeat`).catch(() => undefined);
    }, every);
    this.timer.unref();
    return this;
  }

  get header(): Record<string, string> {
    return this.sessionId ? { 'x-zoonest-session': `${this.sessionId}:${this.password}` } : {};
  }

  async call<T = Json>(method: string, path: string, body?: unknown): Promise<RestReply<T>> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...this.header },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  post<T = Json>(path: string, body: unknown = {}): Promise<RestReply<T>> {
    return this.call<T>('POST', path, body);
  }

  get<T = Json>(path: string): Promise<RestReply<T>> {
    return this.call<T>('GET', path);
  }

  put<T = Json>(path: string, body: unknown = {}): Promise<RestReply<T>> {
    return this.call<T>('PUT', path, body);
  }

  delete<T = Json>(path: string): Promise<RestReply<T>> {
    return this.call<T>('DELETE', path);
  }

  /** Stops heartbeating and closes the session. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.sessionId)
      await this.call('DELETE', `/api/v1/sessions/${this.sessionId}`).catch(() => undefined);
    this.sessionId = '';
  }
}
