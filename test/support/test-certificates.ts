import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** PEM files (and Java key stores) of a throwaway CA, a server and two clients, in `dir`. */
export interface TestCertificates {
  ca: string;
  serverCert: string;
  serverKey: string;
  /** Signed by the CA: subject O=Zoonest, CN=app-client. */
  clientCert: string;
  clientKey: string;
  /** The x509 id ZooKeeper gives the client certificate. */
  clientId: string;
  /** Signed by a CA nobody trusts. */
  strangerCert: string;
  strangerKey: string;
  /** PKCS#12 stores for Java (zkCli, Apache ZooKeeper), all with STORE_PASSWORD. */
  clientKeystore: string;
  serverKeystore: string;
  truststore: string;
}

export const STORE_PASSWORD = 'changeit';

const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });

/** Makes the certificates with openssl (and keytool for the trust store, when Java is there). */
export function makeCertificates(dir: string, withJava: boolean): TestCertificates {
  const f = (name: string) => join(dir, name);
  const newKeyCsr = (name: string, subject: string) =>
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      f(`${name}.key`),
      '-out',
      f(`${name}.csr`),
      '-subj',
      subject,
    );
  const sign = (name: string, ca: string, ext?: string) => {
    if (ext) writeFileSync(f(`${name}.ext`), `${ext}\n`);
    openssl(
      'x509',
      '-req',
      '-in',
      f(`${name}.csr`),
      '-CA',
      f(`${ca}.pem`),
      '-CAkey',
      f(`${ca}.key`),
      '-CAcreateserial',
      '-days',
      '2',
      '-out',
      f(`${name}.pem`),
      ...(ext ? ['-extfile', f(`${name}.ext`)] : []),
    );
  };
  const selfSigned = (name: string, subject: string) =>
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-keyout',
      f(`${name}.key`),
      '-out',
      f(`${name}.pem`),
      '-subj',
      subject,
    );

  selfSigned('ca', '/CN=Zoonest Test CA');
  selfSigned('other-ca', '/CN=Somebody Else');
  newKeyCsr('server', '/CN=localhost');
  sign('server', 'ca', 'subjectAltName=IP:127.0.0.1,DNS:localhost');
  newKeyCsr('client', '/O=Zoonest/CN=app-client');
  sign('client', 'ca');
  newKeyCsr('stranger', '/CN=stranger');
  sign('stranger', 'other-ca');
  if (withJava) {
    for (const name of ['client', 'server']) {
      openssl(
        'pkcs12',
        '-export',
        '-in',
        f(`${name}.pem`),
        '-inkey',
        f(`${name}.key`),
        '-name',
        name,
        '-out',
        f(`${name}.p12`),
        '-passout',
        `pass:${STORE_PASSWORD}`,
      );
    }
    execFileSync(
      'keytool',
      [
        '-importcert',
        '-noprompt',
        '-alias',
        'ca',
        '-file',
        f('ca.pem'),
        '-keystore',
        f('trust.p12'),
        '-storetype',
        'PKCS12',
        '-storepass',
        STORE_PASSWORD,
      ],
      { stdio: 'pipe' },
    );
  }
  return {
    ca: f('ca.pem'),
    serverCert: f('server.pem'),
    serverKey: f('server.key'),
    clientCert: f('client.pem'),
    clientKey: f('client.key'),
    clientId: 'CN=app-client,O=Zoonest',
    strangerCert: f('stranger.pem'),
    strangerKey: f('stranger.key'),
    clientKeystore: f('client.p12'),
    serverKeystore: f('server.p12'),
    truststore: f('trust.p12'),
  };
}
