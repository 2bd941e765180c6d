import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { ZoonestClient } from '@zoonest/client';
import type { RunningServer } from '../src/server/start-server';
import type { Json } from './support/recipes-rest';
import { freePort } from './support/server-process';
import { removeTempDirs, tempDir } from './support/temp-dir';
import {
  makeCertificates,
  STORE_PASSWORD,
  type TestCertificates,
} from './support/test-certificates';
import { startTestServer } from './support/test-server';
import { until } from './support/until';
import { runZkCli } from './support/zookeeper-cli';
import { findZooKeeper } from './support/zookeeper-install';
import { startZooKeeper, type ZooKeeperProcess } from './support/zookeeper-standalone';

const KAZOO_PYTHON = '/usr/bin/python3';
const kazooInstalled = spawnSync(KAZOO_PYTHON, ['-c', 'import kazoo']).status === 0;
if (!kazooInstalled) console.warn('kazoo tests skipped: python3-kazoo is not installed');
const describeWithKazoo = kazooInstalled ? describe : describe.skip;
const install = findZooKeeper();
// The comparison writes its node with kazoo (zkCli cannot write a DN into an ACL).
const describeWithZooKeeper = install && kazooInstalled ? describe : describe.skip;

/** One TLS connection to a ZooKeeper port: sends a four-letter word, reads until it closes. */
function secureWord(port: number, word: string, o: ConnectionOptions): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const socket = tlsConnect({ host: '127.0.0.1', port, servername: 'localhost', ...o }, () =>
      socket.write(word),
    );
    socket.on('data', (c: Buffer) => (text += c.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(text));
  });
}

/** An HTTPS request with the test CA, and the client certificate when given. */
function https(
  url: string,
  o: { method?: string; body?: unknown; cert?: Buffer; key?: Buffer; ca: Buffer },
): Promise<{ status: number; body: Json }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      {
        method: o.method ?? 'GET',
        ca: o.ca,
        cert: o.cert,
        key: o.key,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }),
        );
      },
    );
    req.on('error', reject);
    req.end(o.body === undefined ? undefined : JSON.stringify(o.body));
  });
}

/**
 * Runs kazoo (Debian's python3-kazoo) with use_ssl: reads `path` and answers its data or error;
 * with `create`, first creates it with that data, for the client certificate alone.
 */
function kazoo(
  port: number,
  c: TestCertificates,
  path: string,
  o: { withCert: boolean; create?: string },
): Promise<string> {
  const cert = o.withCert ? `certfile='${c.clientCert}', keyfile='${c.clientKey}',` : '';
  const create =
    o.create === undefined
      ? 'pass'
      : `zk.create('${path}', b'${o.create}', acl=[ACL(31, Id('x509', '${c.clientId}'))])`;
  const script = `
from kazoo.client import KazooClient
from kazoo.exceptions import KazooException
from kazoo.security import ACL, Id
zk = KazooClient(hosts='127.0.0.1:${port}', use_ssl=True, verify_certs=True, ca='${c.ca}',
                 ${cert} timeout=10)
zk.start(timeout=10)
try:
    ${create}
    print(zk.get('${path}')[0].decode())
except KazooException as e:
    print(type(e).__name__)
zk.stop()
`;
  return new Promise((resolve, reject) =>
    execFile(KAZOO_PYTHON, ['-c', script], { timeout: 30_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`kazoo: ${stderr}`)) : resolve(stdout.trim()),
    ),
  );
}

/** Apache ZooKeeper's own client over TLS: Netty with the key and trust stores. */
const zkCliTls = (c: TestCertificates, withCert = true) => [
  // zkCli.sh's own class path lacks Netty's codec; the last -cp is the one Java takes.
  `-cp ${install?.classpath ?? ''}`,
  '-Dzookeeper.client.secure=true',
  '-Dzookeeper.clientCnxnSocket=org.apache.zookeeper.ClientCnxnSocketNetty',
  ...(withCert
    ? [
        `-Dzookeeper.ssl.keyStore.location=${c.clientKeystore}`,
        `-Dzookeeper.ssl.keyStore.password=${STORE_PASSWORD}`,
      ]
    : []),
  `-Dzookeeper.ssl.trustStore.location=${c.truststore}`,
  `-Dzookeeper.ssl.trustStore.password=${STORE_PASSWORD}`,
];

/** TLS on every listener, client certificates and the x509 scheme, plaintext turned off. */
describe('TLS listeners', () => {
  let certs: TestCertificates;
  let server: RunningServer;
  let ca: Buffer;
  let clientTls: { cert: Buffer; key: Buffer };
  let zookeeper: ZooKeeperProcess | undefined;
  let zookeeperSecurePort = 0;

  beforeAll(async () => {
    certs = makeCertificates(await tempDir('certs-'), install !== undefined);
    ca = readFileSync(certs.ca);
    clientTls = { cert: readFileSync(certs.clientCert), key: readFileSync(certs.clientKey) };
    server = await startTestServer({
      ZOONEST_HTTP_PORT: -1,
      ZOONEST_ZK_PORT: -1,
      ZOONEST_HTTPS_PORT: 0,
      ZOONEST_ZK_SECURE_PORT: 0,
      ZOONEST_TLS_CERT_FILE: certs.serverCert,
      ZOONEST_TLS_KEY_FILE: certs.serverKey,
      ZOONEST_TLS_CA_FILE: certs.ca,
      ZOONEST_TLS_CLIENT_AUTH: 'want',
      ZOONEST_4LW_COMMANDS_WHITELIST: '*',
    });
    // A node only the client certificate may read.
    const created = await https(`${server.httpsUrl}/api/v1/znodes/cert-only`, {
      method: 'POST',
      body: {
        data: 'for app-client',
        acl: [{ scheme: 'x509', id: certs.clientId, perms: 'cdrwa' }],
      },
      ca,
    });
    if (created.status !== 201) throw new Error(`create: ${JSON.stringify(created.body)}`);
    if (install) {
      zookeeperSecurePort = await freePort();
      zookeeper = await startZooKeeper(install, {
        port: await freePort(),
        dataDir: await tempDir('zk-'),
        jvmFlags: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'],
        config: [
          'serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory',
          `secureClientPort=${zookeeperSecurePort}`,
          `ssl.keyStore.location=${certs.serverKeystore}`,
          `ssl.keyStore.password=${STORE_PASSWORD}`,
          `ssl.trustStore.location=${certs.truststore}`,
          `ssl.trustStore.password=${STORE_PASSWORD}`,
          'ssl.clientAuth=want',
          'authProvider.x509=org.apache.zookeeper.server.auth.X509AuthenticationProvider',
        ],
      });
    }
  }, 60_000);

  afterAll(async () => {
    await zookeeper?.stop();
    await server.stop();
    await removeTempDirs();
  });

  it('serves only over TLS when the plaintext ports are -1', async () => {
    expect([server.httpPort, server.zkPort]).toEqual([-1, -1]);
    expect(server.url).toBe(server.httpsUrl);
    const conf = await secureWord(server.zkSecurePort, 'conf', { ca });
    expect(conf).toMatch(new RegExp(`^secureClientPort=${server.zkSecurePort}$`, 'm'));
    expect(conf).toMatch(/^clientPort=-1$/m);
  });

  it('answers node tls clients with and without a trusted certificate, and refuses a stranger', async () => {
    expect(await secureWord(server.zkSecurePort, 'ruok', { ca })).toBe('imok');
    expect(await secureWord(server.zkSecurePort, 'ruok', { ca, ...clientTls })).toBe('imok');
    const stranger = {
      cert: readFileSync(certs.strangerCert),
      key: readFileSync(certs.strangerKey),
    };
    expect(await secureWord(server.zkSecurePort, 'ruok', { ca, ...stranger })).toBe('');
    // The server's certificate is checked too: without the CA, the client gives up.
    expect(await secureWord(server.zkSecurePort, 'ruok', {})).toBe('');
  });

  it('serves REST over HTTPS, the x509 identity passing its ACL', async () => {
    const url = `${server.httpsUrl}/api/v1/znodes/cert-only`;
    const without = await https(url, { ca });
    expect([without.status, without.body.error.name]).toEqual([403, 'NoAuth']);
    const withCert = await https(url, { ca, ...clientTls });
    expect([withCert.status, withCert.body.data]).toEqual([200, 'for app-client']);
  });

  it('serves the SDK over WSS, with the certificate as its identity', async () => {
    const client = await ZoonestClient.connect({
      servers: [server.httpsUrl!],
      socketOptions: {
        ca: ca.toString(),
        cert: clientTls.cert.toString(),
        key: clientTls.key.toString(),
      },
    });
    await expect(client.getData('/cert-only', { encoding: 'utf8' })).resolves.toMatchObject({
      data: 'for app-client',
    });
    await client.close();
    const anonymous = await ZoonestClient.connect({
      servers: [server.httpsUrl!],
      socketOptions: { ca: ca.toString() },
    });
    await expect(anonymous.getData('/cert-only')).rejects.toMatchObject({ code: -102 });
    await anonymous.close();
  });

  describeWithKazoo('kazoo', () => {
    it('connects with use_ssl, its certificate passing the x509 ACL', async () => {
      const read = (withCert: boolean) =>
        kazoo(server.zkSecurePort, certs, '/cert-only', { withCert });
      expect(await read(true)).toBe('for app-client');
      expect(await read(false)).toBe('NoAuthError');
    }, 60_000);
  });

  it('lists TLS connections under secure_connections in the AdminServer answer', async () => {
    const held = tlsConnect({
      host: '127.0.0.1',
      port: server.zkSecurePort,
      ca,
      servername: 'localhost',
    });
    await new Promise((r) => held.once('secureConnect', r));
    const cons = () => https(`${server.httpsUrl}/commands/connections`, { ca });
    // The server takes the connection once its side of the handshake is done too.
    await until(async () => (await cons()).body.secure_connections.length > 0, 5000, 'it');
    expect((await cons()).body.connections).toEqual([]);
    held.destroy();
  });

  it('refuses clients without a certificate when client auth is need, and bad files at start', async () => {
    const strict = await startTestServer({
      ZOONEST_ZK_PORT: -1,
      ZOONEST_ZK_SECURE_PORT: 0,
      ZOONEST_TLS_CERT_FILE: certs.serverCert,
      ZOONEST_TLS_KEY_FILE: certs.serverKey,
      ZOONEST_TLS_CA_FILE: certs.ca,
      ZOONEST_TLS_CLIENT_AUTH: 'need',
    });
    try {
      expect(await secureWord(strict.zkSecurePort, 'srvr', { ca })).toBe('');
      expect(await secureWord(strict.zkSecurePort, 'srvr', { ca, ...clientTls })).toMatch(
        /^Zookeeper version/,
      );
    } finally {
      await strict.stop();
    }
    await expect(
      startTestServer({
        ZOONEST_HTTPS_PORT: 0,
        ZOONEST_TLS_CERT_FILE: certs.serverCert,
        ZOONEST_TLS_KEY_FILE: '/nope',
      }),
    ).rejects.toThrow(/ZOONEST_TLS_KEY_FILE: cannot read \/nope/);
    // A key that is not the certificate's.
    await expect(
      startTestServer({
        ZOONEST_HTTPS_PORT: 0,
        ZOONEST_TLS_CERT_FILE: certs.serverCert,
        ZOONEST_TLS_KEY_FILE: certs.clientKey,
      }),
    ).rejects.toThrow(/ZOONEST_TLS_CERT_FILE.*key values mismatch/);
    await expect(startTestServer({ ZOONEST_ZK_SECURE_PORT: 0 })).rejects.toThrow(
      /need ZOONEST_TLS_CERT_FILE and ZOONEST_TLS_KEY_FILE/,
    );
  });

  describeWithZooKeeper('zkCli with Netty TLS, beside Apache ZooKeeper', () => {
    it('names the certificate in whoami and lets it through its ACL, as Apache ZooKeeper does', async () => {
      const theirs = `127.0.0.1:${zookeeperSecurePort}`;
      // zkCli cannot write this ACL (its list splits at the DN's comma); kazoo can, on both.
      const created = await kazoo(zookeeperSecurePort, certs, '/cert-only', {
        withCert: true,
        create: 'for app-client',
      });
      expect(created).toBe('for app-client');
      const kazooBare = (at: number) => kazoo(at, certs, '/cert-only', { withCert: false });
      expect(await kazooBare(zookeeperSecurePort)).toBe(await kazooBare(server.zkSecurePort));
      const script = ['whoami', 'get /cert-only'];
      const [ours, their] = await Promise.all([
        runZkCli(install!, `127.0.0.1:${server.zkSecurePort}`, {
          jvmFlags: zkCliTls(certs),
          script,
        }),
        runZkCli(install!, theirs, { jvmFlags: zkCliTls(certs), script }),
      ]);
      const identities = (out: string) =>
        out
          .split('\n')
          .filter((l) => /^(ip|x509): /.test(l))
          .sort();
      expect(identities(ours.out)).toEqual([`ip: 127.0.0.1`, `x509: ${certs.clientId}`]);
      expect(identities(ours.out)).toEqual(identities(their.out));
      expect(ours.out).toMatch(/^for app-client$/m);
      expect(their.out).toMatch(/^for app-client$/m);

      const bare = ['get /cert-only'];
      const [oursBare, theirBare] = await Promise.all([
        runZkCli(install!, `127.0.0.1:${server.zkSecurePort}`, {
          jvmFlags: zkCliTls(certs, false),
          script: bare,
        }),
        runZkCli(install!, theirs, { jvmFlags: zkCliTls(certs, false), script: bare }),
      ]);
      const noAuth = /Insufficient permission : \/cert-only/;
      expect(oursBare.out).toMatch(noAuth);
      expect(theirBare.out).toMatch(noAuth);
    }, 90_000);
  });
});
