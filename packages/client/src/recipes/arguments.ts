import { ErrorCode } from '../error-code';
import { ZoonestClient } from '../zoonest-client';
import { ZoonestError } from '../zoonest-error';

/** Whether the text holds a character ZooKeeper's PathUtils refuses in a path. */
function hasForbidden(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xf8ff) || c >= 0xfff0) {
      return true;
    }
  }
  return false;
}

function bad(owner: string, message: string, path?: string): ZoonestError {
  return new ZoonestError(ErrorCode.BadArguments, `${owner}: ${message}`, path);
}

/** Checks, at construction, that a recipe was handed a connected-or-connecting client. */
export function requireClient(owner: string, client: unknown): void {
  if (!(client instanceof ZoonestClient)) {
    throw bad(owner, 'needs a ZoonestClient (from ZoonestClient.connect) as its first argument');
  }
}

/** ZooKeeper's path rules (PathUtils.validatePath), so a bad path fails at once, not at first use. */
export function requirePath(owner: string, path: unknown): void {
  if (typeof path !== 'string' || path === '') throw bad(owner, 'path must be a non-empty string');
  if (!path.startsWith('/')) throw bad(owner, 'path must start with /', path);
  if (path === '/') return;
  if (path.endsWith('/')) throw bad(owner, 'path must not end with /', path);
  if (hasForbidden(path)) throw bad(owner, 'path holds a character ZooKeeper refuses', path);
  for (const name of path.slice(1).split('/')) {
    if (name === '') throw bad(owner, 'path has an empty node name (//)', path);
    if (name === '.' || name === '..') throw bad(owner, 'path has a relative part (. or ..)', path);
  }
}

/** A name that becomes one node name: non-empty, no `/`, nothing ZooKeeper refuses. */
export function requireName(owner: string, what: string, name: unknown): void {
  if (typeof name !== 'string' || name === '' || name === '.' || name === '..') {
    throw bad(owner, `${what} must be a non-empty string, not . or ..`);
  }
  if (name.includes('/') || hasForbidden(name)) {
    throw bad(owner, `${what} must be one node name (no / and no control characters)`);
  }
}

/** A count that must be a whole number of at least 1. */
export function requireCount(owner: string, what: string, n: unknown): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw bad(owner, `${what} must be an integer of at least 1`);
  }
}

/** One of a fixed list of choices. */
export function requireOneOf<T extends string>(
  owner: string,
  what: string,
  value: unknown,
  choices: readonly T[],
): void {
  if (!choices.includes(value as T))
    throw bad(owner, `${what} must be one of ${choices.join(', ')}`);
}
