import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { AuthId } from '../core/acl';

/** RFC 2253 escaping of an attribute value, as Java's X500Principal.getName() writes it. */
function escapeValue(value: string): string {
  return value.replace(/[,+"\\<>;]/g, (c) => `\\${c}`).replace(/^[#\s]|\s$/g, (c) => `\\${c}`);
}

/**
 * The x509 identity a TLS client proves with a certificate the server trusts: its subject as
 * ZooKeeper's X509AuthenticationProvider names it (X500Principal.getName(), most specific first).
 */
export function certificateIds(socket: Socket): AuthId[] {
  if (!(socket instanceof TLSSocket) || !socket.authorized) return [];
  const cert = socket.getPeerX509Certificate();
  if (!cert) return [];
  const rdns = cert.subject
    .split('\n')
    .filter((line) => line.includes('='))
    .map((line) => {
      const eq = line.indexOf('=');
      return `${line.slice(0, eq)}=${escapeValue(line.slice(eq + 1))}`;
    });
  return [{ scheme: 'x509', id: rdns.reverse().join(',') }];
}

/** ZooKeeper's "want": a client may come without a certificate, not with one it cannot trust. */
export function admitTlsPeer(socket: TLSSocket): boolean {
  return socket.authorized || socket.getPeerX509Certificate() === undefined;
}
