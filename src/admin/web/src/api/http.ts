import type { ErrorJson } from './types';

/** An error answer of the admin API, with ZooKeeper's code name (BadVersion, NoNode...). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: ErrorJson,
  ) {
    super(error.message);
  }

  get code(): string {
    return this.error.name;
  }
}

const unauthorizedListeners = new Set<() => void>();

/** Called whenever the server says the login is gone (expired, or the server restarted). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (json as { error?: ErrorJson } | null)?.error ?? {
      code: -1,
      name: 'SystemError',
      message: `${res.status} ${res.statusText}`,
    };
    if (res.status === 401 && !url.endsWith('/login')) for (const l of unauthorizedListeners) l();
    throw new ApiError(res.status, error);
  }
  return json as T;
}

export function query(params: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}
