import { loadSettings } from '../../server/settings';
import { publicSettings, redactUrl } from './public-settings';

describe('publicSettings', () => {
  it('shows every setting but no password', () => {
    const rows = publicSettings(
      loadSettings({
        ZOONEST_DB_URL: 'postgres://zoo:hunter22@db:5432/zoonest',
        ZOONEST_ADMIN_PASSWORD: 'very-secret-1',
      }),
    );
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/hunter22|very-secret-1/);
    expect(rows).toContainEqual({
      name: 'ZOONEST_DB_URL',
      value: 'postgres://zoo:***@db:5432/zoonest',
    });
    expect(rows).toContainEqual({ name: 'ZOONEST_ADMIN_PASSWORD', value: '(set)' });
    expect(rows).toContainEqual({ name: 'ZOONEST_HTTP_PORT', value: '8080' });
  });

  it('leaves a URL without a password alone', () => {
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/test')).toBe(
      'postgres://postgres@127.0.0.1:5432/test',
    );
  });
});
