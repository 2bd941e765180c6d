/**
 * Another client of the same server, over the public REST API: what it does, the dashboard
 * must show live.
 */
export class SecondClient {
  constructor(private readonly url: string) {}

  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    session?: { sessionId: string; password: string },
  ): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(session ? { 'x-zoonest-session': `${session.sessionId}:${session.password}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  openSession(timeoutMs = 30_000): Promise<{ sessionId: string; password: string }> {
    return this.call('POST', '/api/v1/sessions', { timeoutMs });
  }

  setData(path: string, data: string): Promise<unknown> {
    return this.call('PUT', `/api/v1/znodes${path}`, { data });
  }

  create(path: string, data: string): Promise<unknown> {
    return this.call('POST', `/api/v1/znodes${path}`, { data });
  }
}
