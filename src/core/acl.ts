/** ZooKeeper's permission bits (ZooDefs.Perms). */
export const Perms = {
  READ: 1,
  WRITE: 2,
  CREATE: 4,
  DELETE: 8,
  ADMIN: 16,
  ALL: 31,
} as const;

export interface Acl {
  scheme: string;
  id: string;
  /** Bit set of Perms. */
  perms: number;
}

/** An identity a session has proven: ('world','anyone'), ('digest','user:hash'), ('ip','10.0.0.1'). */
export interface AuthId {
  scheme: string;
  id: string;
}

export const OPEN_ACL_UNSAFE: readonly Acl[] = [
  { scheme: 'world', id: 'anyone', perms: Perms.ALL },
];

const LETTERS: ReadonlyArray<[string, number]> = [
  ['c', Perms.CREATE],
  ['d', Perms.DELETE],
  ['r', Perms.READ],
  ['w', Perms.WRITE],
  ['a', Perms.ADMIN],
];

/** "cdrwa" letters to a bit set; undefined when a letter is unknown. */
export function parsePerms(letters: string): number | undefined {
  let perms = 0;
  for (const ch of letters) {
    const bit = LETTERS.find(([l]) => l === ch)?.[1];
    if (bit === undefined) return undefined;
    perms |= bit;
  }
  return perms;
}

export function formatPerms(perms: number): string {
  return LETTERS.filter(([, bit]) => (perms & bit) !== 0)
    .map(([l]) => l)
    .join('');
}
