import { AdminCredentials } from './admin-credentials';
import { hashPassword } from './password-hash';

describe('AdminCredentials', () => {
  it('accepts only the configured user with its password', async () => {
    const creds = new AdminCredentials('admin', hashPassword('s3cret-pass'));
    await expect(creds.verify('admin', 's3cret-pass')).resolves.toBe(true);
    await expect(creds.verify('admin', 'wrong-pass')).resolves.toBe(false);
    await expect(creds.verify('root', 's3cret-pass')).resolves.toBe(false);
  });

  it('generates a fresh random password when none is configured', async () => {
    const a = AdminCredentials.generated('admin');
    const b = AdminCredentials.generated('admin');
    expect(a.password).toMatch(/^[\w-]{24}$/);
    expect(a.password).not.toBe(b.password);
    await expect(a.credentials.verify('admin', a.password)).resolves.toBe(true);
  });
});
