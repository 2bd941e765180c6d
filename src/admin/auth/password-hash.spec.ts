import { hashPassword, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('accepts the password and refuses any other', async () => {
    const hash = hashPassword('correct horse');
    await expect(verifyPassword(hash, 'correct horse')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'correct hors')).resolves.toBe(false);
    await expect(verifyPassword(hash, '')).resolves.toBe(false);
  });

  it('keeps neither the password nor the same key twice', () => {
    const a = hashPassword('correct horse');
    const b = hashPassword('correct horse');
    expect(a.key.toString('utf8')).not.toContain('correct horse');
    expect(a.salt.equals(b.salt) || a.key.equals(b.key)).toBe(false);
  });
});
