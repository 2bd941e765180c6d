/**
 * The servers a client may use, tried in turn: after a failure the next one, wrapping around.
 * A reconnect starts with the server it was on, which is the one that still has its state.
 */
export class ServerList {
  readonly urls: readonly string[];
  private index = 0;

  constructor(servers: readonly string[]) {
    if (servers.length === 0) throw new Error('servers must list at least one URL');
    this.urls = servers.map(normalizeServerUrl);
  }

  get size(): number {
    return this.urls.length;
  }

  get current(): string {
    return this.urls[this.index] as string;
  }

  advance(): void {
    this.index = (this.index + 1) % this.urls.length;
  }
}

/** Accepts "http(s)://host:port[/prefix]" or zkCli's "host:port"; drops a trailing slash. */
export function normalizeServerUrl(server: string): string {
  const trimmed = server.trim().replace(/\/+$/, '');
  if (trimmed === '') throw new Error('a server URL must not be empty');
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
}
