import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** A password as the server keeps it: a salted scrypt key, never the password itself. */
export interface PasswordHash {
  readonly salt: Buffer;
  readonly key: Buffer;
}

export function hashPassword(password: string): PasswordHash {
  const salt = randomBytes(SALT_BYTES);
  return { salt, key: scryptSync(password, salt, KEY_BYTES) };
}

/** Whether `candidate` is the hashed password; scrypt runs off the event loop. */
export async function verifyPassword(hash: PasswordHash, candidate: string): Promise<boolean> {
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(candidate, hash.salt, KEY_BYTES, (err, derived) =>
      err ? reject(err) : resolve(derived),
    ),
  );
  return timingSafeEqual(key, hash.key);
}
