import { createHash } from 'node:crypto';
import type { Acl, AuthId } from './acl';
import { SUPER_USER } from './auth-policy';
import { ZkCode } from './zk-code';
import { ZkError } from './zk-error';

export const WORLD_ANYONE: AuthId = { scheme: 'world', id: 'anyone' };

/** ZooKeeper's digest id for `user:password`: `user:base64(sha1("user:password"))`. */
export function digestId(userPassword: string): string {
  const colon = userPassword.indexOf(':');
  const user = colon < 0 ? userPassword : userPassword.slice(0, colon);
  const hash = createHash('sha1').update(userPassword, 'utf8').digest('base64');
  return `${user}:${hash}`;
}

/**
 * The identities that `addAuth(scheme, credentials)` proves, or AuthFailed: the digest id, and
 * ZooKeeper's super user first when it is the configured superDigest.
 */
export function authenticate(scheme: string, credentials: string, superDigest?: string): AuthId[] {
  if (scheme === 'digest' && credentials.includes(':')) {
    const id: AuthId = { scheme: 'digest', id: digestId(credentials) };
    return id.id === superDigest ? [SUPER_USER, id] : [id];
  }
  throw new ZkError(ZkCode.AuthFailed, undefined, `cannot authenticate with scheme ${scheme}`);
}

function ipv4ToInt(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** Whether a client address falls within an ip ACL id (`10.0.0.1` or `10.0.0.0/8`). */
export function ipMatches(aclId: string, clientAddress: string): boolean {
  const [network = '', bitsText] = aclId.split('/');
  const client = normalizeAddress(clientAddress);
  const net = ipv4ToInt(network);
  const addr = ipv4ToInt(client);
  if (net === undefined || addr === undefined) return network === client;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (bits === 0) return true;
  const mask = bits >= 32 ? 0xffffffff : ~((1 << (32 - bits)) - 1) >>> 0;
  return (net & mask) >>> 0 === (addr & mask) >>> 0;
}

function validIpId(id: string): boolean {
  const [network = '', bits, ...rest] = id.split('/');
  if (rest.length > 0) return false;
  if (bits !== undefined && !(/^\d{1,2}$/.test(bits) && Number(bits) <= 32)) return false;
  return ipv4ToInt(network) !== undefined || /^[0-9a-fA-F:]+$/.test(network);
}

function matches(entry: Acl, id: AuthId): boolean {
  if (entry.scheme !== id.scheme) return false;
  return entry.scheme === 'ip' ? ipMatches(entry.id, id.id) : entry.id === id.id;
}

/** ZooKeeper's checkACL: an empty list admits everyone, and so does the super user. */
export function permitted(acl: readonly Acl[], perm: number, ids: readonly AuthId[]): boolean {
  if (acl.length === 0) return true;
  if (ids.some((id) => id.scheme === SUPER_USER.scheme)) return true;
  return acl.some(
    (entry) =>
      (entry.perms & perm) !== 0 &&
      ((entry.scheme === 'world' && entry.id === 'anyone') || ids.some((id) => matches(entry, id))),
  );
}

export function requirePermission(
  acl: readonly Acl[],
  perm: number,
  ids: readonly AuthId[],
  path: string,
): void {
  if (!permitted(acl, perm, ids)) throw ZkError.noAuth(path);
}

/**
 * Validates an ACL for create/setACL and expands the `auth` scheme into the caller's proven
 * identities, as ZooKeeper's fixupACL does.
 */
export function fixupAcl(acl: readonly Acl[], ids: readonly AuthId[], path: string): Acl[] {
  const invalid = (detail: string) => new ZkError(ZkCode.InvalidACL, path, detail);
  if (acl.length === 0) throw invalid('the ACL must not be empty');
  const result: Acl[] = [];
  for (const entry of acl) {
    if (!Number.isInteger(entry.perms) || entry.perms < 0 || entry.perms > 31) {
      throw invalid(`bad permissions ${entry.perms}`);
    }
    switch (entry.scheme) {
      case 'world':
        if (entry.id !== 'anyone') throw invalid('the world scheme only has the id anyone');
        result.push({ ...entry });
        break;
      case 'auth': {
        // As ZooKeeper's fixupACL: the identities of authenticating schemes, not ip or super.
        const proven = ids.filter((id) => id.scheme === 'digest' || id.scheme === 'x509');
        if (proven.length === 0) throw invalid('the auth scheme needs an authenticated session');
        for (const id of proven) result.push({ scheme: id.scheme, id: id.id, perms: entry.perms });
        break;
      }
      case 'digest':
        if (!/^[^:]+:.+$/.test(entry.id)) throw invalid(`bad digest id ${entry.id}`);
        result.push({ ...entry });
        break;
      case 'ip':
        if (!validIpId(entry.id)) throw invalid(`bad ip id ${entry.id}`);
        result.push({ ...entry });
        break;
      case 'x509':
        // A distinguished name, as a client certificate's subject reads (CN=app,O=Example).
        if (!/^[^=]+=/.test(entry.id)) throw invalid(`bad x509 id ${entry.id}`);
        result.push({ ...entry });
        break;
      default:
        throw invalid(`unknown scheme ${entry.scheme}`);
    }
  }
  return result;
}
