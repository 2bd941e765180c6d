import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { Coordinator } from '../core/coordinator';
import { setupOpenApi } from '../transports/rest/openapi';
import { ZoonestIoAdapter } from '../transports/socketio/zoonest-io.adapter';
import { ZookeeperServer } from '../transports/zookeeper/zookeeper-server';
import { XdsServer } from '../xds/xds-server';
import { AppModule } from './app.module';
import { listenHttps } from './https-listener';
import { ReplicaService } from './replica.service';
import { loadSettings, type Settings, type SettingsInput } from './settings';
import { tlsServerOptions } from './tls-options';

export interface RunningServer {
  /** Base URL of REST, Socket.IO and the dashboard, e.g. http://127.0.0.1:8080 (https:// when plaintext is off) */
  url: string;
  /** -1 when plaintext HTTP is off. */
  httpPort: number;
  /** https://host:port when ZOONEST_HTTPS_PORT is on. */
  httpsUrl?: string;
  /** -1 when off. */
  httpsPort: number;
  /** The ZooKeeper wire-protocol port actually bound (settings.zkPort may be 0); -1 when off. */
  zkPort: number;
  /** ZooKeeper's secureClientPort as bound; -1 when off. */
  zkSecurePort: number;
  /** The xDS port actually bound; 0 when ZOONEST_XDS_PORT is unset (off). */
  xdsPort: number;
  settings: Settings;
  app: NestExpressApplication;
  coordinator: Coordinator;
  stop(): Promise<void>;
}

/** Starts a server; settings come from the environment, then `overrides` (tests use port 0). */
export async function startServer(
  overrides: SettingsInput = {},
  env: Record<string, string | undefined> = process.env,
): Promise<RunningServer> {
  const settings = loadSettings({ ...env, ...stringify(overrides) });
  // Unreadable or mismatched files stop the start before anything listens.
  if (settings.tls) tlsServerOptions(settings.tls);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(settings), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Base64 makes data a third larger; leave room for the rest of the body.
  const bodyLimit = Math.ceil(settings.juteMaxBuffer * 1.4) + 64 * 1024;
  app.useBodyParser('json', { limit: bodyLimit });
  app.useWebSocketAdapter(new ZoonestIoAdapter(app, settings));
  setupOpenApi(app);
  if (settings.httpPort === -1) await app.init();
  else await app.listen(settings.httpPort, settings.host);
  const httpPort = (app.getHttpServer().address() as AddressInfo | null)?.port ?? -1;
  const https =
    settings.httpsPort === -1 || !settings.tls
      ? undefined
      : await listenHttps(app.getHttpServer(), {
          port: settings.httpsPort,
          host: settings.host,
          tls: settings.tls,
          log: app.get(Logger),
        });
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  const httpsUrl = https && `https://${host}:${https.port}`;
  const url = httpPort === -1 ? (httpsUrl ?? '') : `http://${host}:${httpPort}`;
  app.get(ReplicaService).listening(url, httpPort === -1 ? (https?.port ?? -1) : httpPort);
  const zookeeper = app.get(ZookeeperServer);
  return {
    url,
    httpPort,
    httpsUrl,
    httpsPort: https?.port ?? -1,
    zkPort: zookeeper.port,
    zkSecurePort: zookeeper.securePort,
    xdsPort: app.get(XdsServer).port,
    settings,
    app,
    coordinator: app.get(Coordinator),
    stop: async () => {
      await https?.close();
      await app.close();
    },
  };
}

function stringify(values: SettingsInput): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
}
