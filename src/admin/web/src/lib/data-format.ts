import { dump, load } from 'js-yaml';

/** How the node panel can show data. */
export type DataView = 'json' | 'yaml' | 'text' | 'hex';

export function base64ToBytes(b64: string): Uint8Array {
  const raw = atob(b64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let raw = '';
  for (const b of bytes) raw += String.fromCharCode(b);
  return btoa(raw);
}

/** The bytes as text, or undefined when they are not UTF-8 text (binary data). */
export function asText(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u0008\u000E-\u001F]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

function parsedJson(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

function parsedYaml(text: string): unknown {
  if (!/^[\w"'-][^\n]*:(\s|$)/m.test(text)) return undefined;
  try {
    const value = load(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The view that suits the data best. */
export function bestView(bytes: Uint8Array): DataView {
  const text = asText(bytes);
  if (text === undefined) return 'hex';
  if (parsedJson(text) !== undefined) return 'json';
  if (parsedYaml(text) !== undefined) return 'yaml';
  return 'text';
}

/** The views that make sense for the data (JSON and YAML only when it parses as such). */
export function possibleViews(bytes: Uint8Array): DataView[] {
  const text = asText(bytes);
  if (text === undefined) return ['hex'];
  const structured = parsedJson(text) !== undefined || parsedYaml(text) !== undefined;
  return structured ? ['json', 'yaml', 'text', 'hex'] : ['text', 'hex'];
}

/** The data as shown in a view: pretty JSON, YAML, plain text, or a hex dump. */
export function renderData(bytes: Uint8Array, view: DataView): string {
  const text = asText(bytes) ?? '';
  const value = parsedJson(text) ?? parsedYaml(text);
  switch (view) {
    case 'json':
      return value === undefined ? text : JSON.stringify(value, null, 2);
    case 'yaml':
      return value === undefined ? text : dump(value, { lineWidth: 100 }).trimEnd();
    case 'text':
      return text;
    case 'hex':
      return hexDump(bytes);
  }
}

/** Sixteen bytes a line: offset, hex, and the printable characters. */
export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let at = 0; at < bytes.length; at += 16) {
    const row = bytes.subarray(at, at + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0'));
    const left = hex.slice(0, 8).join(' ');
    const right = hex.slice(8).join(' ');
    const chars = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'));
    lines.push(
      `${at.toString(16).padStart(8, '0')}  ${left.padEnd(23)}  ${right.padEnd(23)}  |${chars.join('')}|`,
    );
  }
  return lines.join('\n');
}
