import type { AuthId } from '../../core/acl';
import { SUPER_USER } from '../../core/auth-policy';
import type { Settings } from '../../server/settings';

/**
 * Who the dashboard is toward ACLs and enforce.auth: a client without a session, from the
 * browser's address; with ZOONEST_ADMIN_AS_SUPER_USER also the super user, and it says so.
 */
export class AdminIdentity {
  private constructor(
    readonly superUser: boolean,
    readonly ids: readonly AuthId[],
  ) {}

  static fromSettings(s: Pick<Settings, 'adminAsSuperUser' | 'superDigest'>): AdminIdentity {
    if (!s.adminAsSuperUser || s.superDigest === undefined) return new AdminIdentity(false, []);
    return new AdminIdentity(true, [SUPER_USER, { scheme: 'digest', id: s.superDigest }]);
  }
}
