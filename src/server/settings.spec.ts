import { loadSettings } from './settings';

describe('loadSettings', () => {
  it('uses ZooKeeper-like defaults', () => {
    expect(loadSettings({})).toMatchObject({
      httpPort: 8080,
      zkPort: 2181,
      host: '127.0.0.1',
      dataDir: './data',
      juteMaxBuffer: 0xfffff,
      minSessionTimeoutMs: 4000,
      maxSessionTimeoutMs: 40000,
      reapIntervalMs: 60000,
    });
  });

  it('reads values from the environment', () => {
    const s = loadSettings({ ZOONEST_HTTP_PORT: '0', ZOONEST_DB_URL: 'postgres://u@h/db' });
    expect([s.httpPort, s.dbUrl]).toEqual([0, 'postgres://u@h/db']);
  });

  it('migrates at start unless ZOONEST_DB_MIGRATE is false', () => {
    expect(loadSettings({}).dbMigrate).toBe(true);
    expect(loadSettings({ ZOONEST_DB_MIGRATE: 'false' }).dbMigrate).toBe(false);
    expect(() => loadSettings({ ZOONEST_DB_MIGRATE: 'no' })).toThrow(/ZOONEST_DB_MIGRATE/);
  });

  it('names each bad setting', () => {
    expect(() =>
      loadSettings({ ZOONEST_HTTP_PORT: 'eighty', ZOONEST_DB_URL: 'mysql://x' }),
    ).toThrow(/ZOONEST_HTTP_PORT[\s\S]*ZOONEST_DB_URL/);
    expect(() =>
      loadSettings({
        ZOONEST_MIN_SESSION_TIMEOUT_MS: '50000',
        ZOONEST_MAX_SESSION_TIMEOUT_MS: '40000',
      }),
    ).toThrow(/must not exceed/);
  });

  it('reads the four-letter word whitelist as ZooKeeper does, srvr always on', () => {
    expect(loadSettings({}).fourLetterWords).toEqual(['srvr']);
    expect(
      loadSettings({ ZOONEST_4LW_COMMANDS_WHITELIST: ' mntr, ruok ,,' }).fourLetterWords,
    ).toEqual(['mntr', 'ruok', 'srvr']);
    expect(loadSettings({ ZOONEST_4LW_COMMANDS_WHITELIST: 'ruok,*' }).fourLetterWords).toContain(
      'dump',
    );
    expect(() => loadSettings({ ZOONEST_4LW_COMMANDS_WHITELIST: 'ruok,gtmk,nope' })).toThrow(
      /ZOONEST_4LW_COMMANDS_WHITELIST: gtmk, nope: not a four-letter word/,
    );
  });

  it('reads enforced authentication and the super user, and refuses what cannot work', () => {
    const superDigest = 'super:3/BRixgtJK5zIu/gWZCB29+Rzoo=';
    expect(loadSettings({})).toMatchObject({ enforceAuthSchemes: [], adminAsSuperUser: false });
    expect(
      loadSettings({
        ZOONEST_ENFORCE_AUTH_ENABLED: 'true',
        ZOONEST_ENFORCE_AUTH_SCHEMES: 'digest, ip',
        ZOONEST_SUPER_DIGEST: superDigest,
        ZOONEST_ADMIN_AS_SUPER_USER: 'true',
      }),
    ).toMatchObject({ enforceAuthSchemes: ['digest', 'ip'], superDigest, adminAsSuperUser: true });
    expect(loadSettings({ ZOONEST_ENFORCE_AUTH_SCHEMES: 'digest' }).enforceAuthSchemes).toEqual([]);
    expect(() => loadSettings({ ZOONEST_ENFORCE_AUTH_ENABLED: 'true' })).toThrow(
      /ZOONEST_ENFORCE_AUTH_SCHEMES must name a scheme/,
    );
    expect(() => loadSettings({ ZOONEST_ENFORCE_AUTH_SCHEMES: 'kerberos' })).toThrow(
      /ZOONEST_ENFORCE_AUTH_SCHEMES/,
    );
    expect(() => loadSettings({ ZOONEST_ENFORCE_AUTH_ENABLED: 'yes' })).toThrow(
      /ZOONEST_ENFORCE_AUTH_ENABLED/,
    );
    expect(() => loadSettings({ ZOONEST_SUPER_DIGEST: 'super:s3cret' })).toThrow(
      /ZOONEST_SUPER_DIGEST: must be user:base64/,
    );
    expect(() => loadSettings({ ZOONEST_ADMIN_AS_SUPER_USER: 'true' })).toThrow(
      /needs ZOONEST_SUPER_DIGEST/,
    );
  });

  it('reads the TLS listeners, -1 turning any listener off', () => {
    const tls = {
      ZOONEST_HTTPS_PORT: '8443',
      ZOONEST_ZK_SECURE_PORT: '2281',
      ZOONEST_TLS_CERT_FILE: '/etc/zoonest/server.pem',
      ZOONEST_TLS_KEY_FILE: '/etc/zoonest/server.key',
    };
    expect(loadSettings({})).toMatchObject({ httpsPort: -1, zkSecurePort: -1, tls: undefined });
    expect(loadSettings({ ...tls, ZOONEST_HTTP_PORT: '-1', ZOONEST_ZK_PORT: '-1' })).toMatchObject({
      httpPort: -1,
      zkPort: -1,
      httpsPort: 8443,
      zkSecurePort: 2281,
      tls: { certFile: '/etc/zoonest/server.pem', clientAuth: 'none', caFile: undefined },
    });
    expect(() => loadSettings({ ZOONEST_HTTPS_PORT: '8443' })).toThrow(
      /need ZOONEST_TLS_CERT_FILE/,
    );
    expect(() => loadSettings({ ...tls, ZOONEST_TLS_CLIENT_AUTH: 'maybe' })).toThrow(
      /ZOONEST_TLS_CLIENT_AUTH/,
    );
    expect(() => loadSettings({ ZOONEST_ZK_PORT: '-2' })).toThrow(/ZOONEST_ZK_PORT/);
  });
});
