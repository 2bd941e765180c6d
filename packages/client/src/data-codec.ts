import type { DataEncoding } from '@zoonest/protocol/wire/data-encoding';

/** Node data as the SDK accepts it: bytes, or a string stored as UTF-8. */
export type NodeDataInput = Uint8Array | string;

interface BufferLike {
  from(data: string | Uint8Array, encoding?: string): Uint8Array & { toString(e: string): string };
}

// Node has Buffer (fast, and a Uint8Array users can toString()); browsers use atob/btoa.
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** Data as it travels: a string plus its encoding. */
export function toWire(data: NodeDataInput | undefined): { data: string; encoding: DataEncoding } {
  if (data === undefined) return { data: '', encoding: 'utf8' };
  if (typeof data === 'string') return { data, encoding: 'utf8' };
  return { data: bytesToBase64(data), encoding: 'base64' };
}

export function fromWire(data: string, encoding: DataEncoding): Uint8Array {
  return encoding === 'base64' ? base64ToBytes(data) : utf8ToBytes(data);
}

export function utf8ToBytes(text: string): Uint8Array {
  return NodeBuffer ? NodeBuffer.from(text, 'utf8') : new TextEncoder().encode(text);
}

/** The bytes as UTF-8 text, or undefined when they are not valid UTF-8. */
export function bytesToUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export function bytesToBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes).toString('base64');
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  if (NodeBuffer) return NodeBuffer.from(text, 'base64');
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
