import { formatPerms, parsePerms, type Acl } from '../../core/acl';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import type { AclJson } from '../../protocol/wire/acl-json';

export function aclToJson(acl: readonly Acl[]): AclJson[] {
  return acl.map((a) => ({ scheme: a.scheme, id: a.id, perms: formatPerms(a.perms) }));
}

export function aclFromJson(value: unknown): Acl[] {
  if (!Array.isArray(value)) throw new ZkError(ZkCode.InvalidACL, undefined, 'acl must be a list');
  return value.map((entry: unknown) => {
    const e = entry as Partial<AclJson> | null;
    const perms = typeof e?.perms === 'string' ? parsePerms(e.perms) : undefined;
    if (typeof e?.scheme !== 'string' || typeof e.id !== 'string' || perms === undefined) {
      throw new ZkError(
        ZkCode.InvalidACL,
        undefined,
        'each ACL entry is {scheme, id, perms} with perms made of the letters c, d, r, w, a',
      );
    }
    return { scheme: e.scheme, id: e.id, perms };
  });
}
