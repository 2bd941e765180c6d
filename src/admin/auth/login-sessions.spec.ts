import { LoginSessions } from './login-sessions';

describe('LoginSessions', () => {
  let now = 1_000;
  const sessions = () => new LoginSessions(60_000, () => now);

  beforeEach(() => {
    now = 1_000;
  });

  it('knows the cookie it issued until it expires', () => {
    const logins = sessions();
    const { cookie } = logins.issue('admin');
    expect(logins.verify(cookie)).toEqual({ user: 'admin', expiresAt: 61_000 });
    now = 61_000;
    expect(logins.verify(cookie)).toBeUndefined();
  });

  it('refuses a forged, altered or missing cookie', () => {
    const logins = sessions();
    const { cookie } = logins.issue('admin');
    const [token, signature] = cookie.split('.') as [string, string];
    expect(logins.verify(`${token}.${signature.slice(1)}x`)).toBeUndefined();
    expect(logins.verify(`${token}x.${signature}`)).toBeUndefined();
    expect(logins.verify(token)).toBeUndefined();
    expect(logins.verify(undefined)).toBeUndefined();
    expect(sessions().verify(cookie)).toBeUndefined();
  });

  it('forgets a session on logout', () => {
    const logins = sessions();
    const { cookie } = logins.issue('admin');
    logins.revoke(cookie);
    expect(logins.verify(cookie)).toBeUndefined();
  });

  it('keeps at most a thousand sessions, dropping the oldest', () => {
    const logins = sessions();
    const first = logins.issue('admin').cookie;
    for (let i = 0; i < 1000; i++) logins.issue('admin');
    expect(logins.verify(first)).toBeUndefined();
  });
});
