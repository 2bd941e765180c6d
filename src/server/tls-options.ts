import { readFileSync } from 'node:fs';
import { createSecureContext, type TlsOptions } from 'node:tls';
import { SettingsError, type TlsSettings } from './settings';

/**
 * The options of every TLS listener, from the files the settings name: a file that cannot be
 * read, or a certificate and key that do not make a context, stop the start with a clear error.
 */
export function tlsServerOptions(tls: TlsSettings): TlsOptions {
  const read = (name: string, path: string) => {
    try {
      return readFileSync(path);
    } catch (err) {
      throw new SettingsError(`invalid settings:\n  ${name}: cannot read ${path}: ${String(err)}`);
    }
  };
  const options: TlsOptions = {
    cert: read('ZOONEST_TLS_CERT_FILE', tls.certFile),
    key: read('ZOONEST_TLS_KEY_FILE', tls.keyFile),
    ...(tls.caFile && { ca: read('ZOONEST_TLS_CA_FILE', tls.caFile) }),
    requestCert: tls.clientAuth !== 'none',
    // "want" admits a client without a certificate; one that sends a bad one is closed.
    rejectUnauthorized: tls.clientAuth === 'need',
  };
  try {
    createSecureContext(options);
  } catch (err) {
    throw new SettingsError(
      `invalid settings:\n  ZOONEST_TLS_CERT_FILE, ZOONEST_TLS_KEY_FILE, ZOONEST_TLS_CA_FILE: ${String(err)}`,
    );
  }
  return options;
}
