import type { Server as HttpServer } from 'node:http';
import { createServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { LoggerService } from '@nestjs/common';
import { admitTlsPeer } from '../transports/tls-peer';
import type { TlsSettings } from './settings';
import { tlsServerOptions } from './tls-options';

/**
 * REST, Socket.IO and the dashboard over TLS: an HTTPS server that hands every request and
 * WebSocket upgrade to the application's HTTP server, so both serve the same routes and
 * namespaces, whether or not the plaintext one listens.
 */
export async function listenHttps(
  app: HttpServer,
  o: { port: number; host: string; tls: TlsSettings; log: LoggerService },
): Promise<{ port: number; close(): Promise<void> }> {
  const server: HttpsServer = createServer(tlsServerOptions(o.tls));
  server.on('secureConnection', (socket: TLSSocket) => {
    if (admitTlsPeer(socket)) return;
    o.log.warn(`closing an HTTPS connection from ${socket.remoteAddress}: untrusted certificate`);
    socket.destroy();
  });
  server.on('tlsClientError', (err, socket) => {
    o.log.warn(`TLS handshake with ${socket.remoteAddress} failed: ${err.message}`);
  });
  server.on('request', (req, res) => app.emit('request', req, res));
  server.on('upgrade', (req, socket, head) => app.emit('upgrade', req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
