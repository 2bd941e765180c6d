import type { AclJson } from '@zoonest/protocol/wire/acl-json';

/** An ACL entry: scheme, id and permissions as ZooKeeper's letters "cdrwa". */
export type Acl = AclJson;

/** ZooKeeper's permission letters (ZooDefs.Perms). */
export const Perms = {
  CREATE: 'c',
  DELETE: 'd',
  READ: 'r',
  WRITE: 'w',
  ADMIN: 'a',
  ALL: 'cdrwa',
} as const;

/** ZooKeeper's well-known ACLs (ZooDefs.Ids). */
export const Ids = {
  /** Anyone may do anything. */
  OPEN_ACL_UNSAFE: [{ scheme: 'world', id: 'anyone', perms: Perms.ALL }] as readonly Acl[],
  /** Anyone may read. */
  READ_ACL_UNSAFE: [{ scheme: 'world', id: 'anyone', perms: Perms.READ }] as readonly Acl[],
  /** Only the identities the session proved with addAuth (the `auth` scheme). */
  CREATOR_ALL_ACL: [{ scheme: 'auth', id: '', perms: Perms.ALL }] as readonly Acl[],
} as const;

/** Parses zkCli's ACL text, e.g. "world:anyone:cdrwa,digest:bob:0zT...=:r". */
export function parseAcl(text: string): Acl[] {
  return text
    .split(',')
    .filter((entry) => entry.trim() !== '')
    .map((entry) => {
      const first = entry.indexOf(':');
      const last = entry.lastIndexOf(':');
      if (first < 0 || last === first) {
        throw new Error(`ACL entry "${entry}" is not scheme:id:perms`);
      }
      const perms = entry.slice(last + 1);
      if (!/^[cdrwa]*$/.test(perms)) {
        throw new Error(
          `ACL entry "${entry}" has permissions other than the letters c, d, r, w, a`,
        );
      }
      return { scheme: entry.slice(0, first), id: entry.slice(first + 1, last), perms };
    });
}

/** zkCli's text form of an ACL entry. */
export function formatAcl(acl: Acl): string {
  return `${acl.scheme}:${acl.id}:${acl.perms}`;
}
