import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashPassword, verifyPassword, type PasswordHash } from './password-hash';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The one dashboard login: a user name and the hash of its password. */
export class AdminCredentials {
  constructor(
    readonly user: string,
    private readonly password: PasswordHash,
  ) {}

  /** A password is generated when none is configured; the caller shows it once. */
  static generated(user: string): { credentials: AdminCredentials; password: string } {
    const password = randomBytes(18).toString('base64url');
    return { credentials: new AdminCredentials(user, hashPassword(password)), password };
  }

  /** The password is checked even for a wrong name, so both answer after the same time. */
  async verify(user: string, password: string): Promise<boolean> {
    const passwordOk = await verifyPassword(this.password, password);
    return timingSafeEqual(digest(user), digest(this.user)) && passwordOk;
  }
}
