import { randomUUID } from 'node:crypto';

/** Curator's `withProtection()` prefix: `_c_{uuid}-`, so a create retried after a lost reply is found. */
export const PROTECTED_PREFIX = '_c_';
const PROTECTED_LENGTH = PROTECTED_PREFIX.length + 36 + 1;

export function protectedName(base: string): string {
  return `${PROTECTED_PREFIX}${randomUUID()}-${base}`;
}

/** The name without Curator's protection prefix, if it has one. */
export function unprotected(name: string): string {
  return name.startsWith(PROTECTED_PREFIX) && name[PROTECTED_LENGTH - 1] === '-'
    ? name.slice(PROTECTED_LENGTH)
    : name;
}

/** Curator's `standardFixForSorting`: what follows the last `lockName`, else the whole name. */
export function sortKey(name: string, lockName: string): string {
  const at = name.lastIndexOf(lockName);
  return at >= 0 ? name.slice(at + lockName.length) : name;
}

/**
 * Children in contention order, as Curator sorts them: by the text after each lock name
 * (the sequence suffix), compared as Java compares strings (UTF-16 code units).
 */
export function sortContenders(names: readonly string[], lockNames: readonly string[]): string[] {
  const key = (name: string) => lockNames.reduce((s, lockName) => sortKey(s, lockName), name);
  return [...names]
    .filter((name) => lockNames.some((lockName) => name.includes(lockName)))
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}
