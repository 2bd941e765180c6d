/** Java's URLEncoder.encode(s, "UTF-8"), which Dubbo uses for its registry node names. */
export function javaUrlEncode(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

export function javaUrlDecode(s: string): string {
  return decodeURIComponent(s.replace(/\+/g, ' '));
}

/** The parts of a Dubbo URL, e.g. `dubbo://10.0.0.5:20880/com.foo.Demo?weight=100&side=provider`. */
export interface DubboUrl {
  protocol: string;
  host: string;
  port: number;
  path: string;
  params: Record<string, string>;
}

export function formatDubboUrl(url: DubboUrl): string {
  const query = Object.keys(url.params)
    .sort()
    .map((k) => `${javaUrlEncode(k)}=${javaUrlEncode(url.params[k] ?? '')}`)
    .join('&');
  const port = url.port > 0 ? `:${url.port}` : '';
  return `${url.protocol}://${url.host}${port}/${url.path}${query ? `?${query}` : ''}`;
}

/** Parses a Dubbo URL; null when the text is not one. */
export function parseDubboUrl(text: string): DubboUrl | null {
  const m =
    /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(\[[^\]]+\]|[^/:?]*)(?::(\d+))?(?:\/([^?]*))?(?:\?(.*))?$/.exec(
      text,
    );
  if (!m) return null;
  const params: Record<string, string> = {};
  for (const pair of (m[5] ?? '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    try {
      const key = javaUrlDecode(eq < 0 ? pair : pair.slice(0, eq));
      params[key] = eq < 0 ? '' : javaUrlDecode(pair.slice(eq + 1));
    } catch {
      return null;
    }
  }
  return {
    protocol: m[1] ?? '',
    host: m[2] ?? '',
    port: m[3] ? Number(m[3]) : 0,
    path: m[4] ?? '',
    params,
  };
}
