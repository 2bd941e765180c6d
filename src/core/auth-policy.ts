import type { AuthId } from './acl';

/** Who must authenticate, and who passes every ACL: ZooKeeper's enforce.auth and superDigest. */
export interface AuthPolicy {
  /**
   * enforce.auth.schemes while enforce.auth.enabled: a caller holding no identity of one of
   * them may do nothing but authenticate. Empty: nobody has to.
   */
  requiredSchemes: readonly string[];
  /** superDigest: whoever proves this digest id (`user:base64(sha1)`) is the super user. */
  superDigest?: string;
}

export const OPEN_POLICY: AuthPolicy = { requiredSchemes: [] };

/** The identity ZooKeeper gives its super user; it passes every ACL. */
export const SUPER_USER: AuthId = { scheme: 'super', id: '' };
