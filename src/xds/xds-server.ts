import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Server, ServerCredentials, type ServerDuplexStream } from '@grpc/grpc-js';
import type { DeltaDiscoveryRequest__Output } from '@grpc/grpc-js-xds/build/src/generated/envoy/service/discovery/v3/DeltaDiscoveryRequest';
import type { DeltaDiscoveryResponse } from '@grpc/grpc-js-xds/build/src/generated/envoy/service/discovery/v3/DeltaDiscoveryResponse';
import type { DiscoveryRequest__Output } from '@grpc/grpc-js-xds/build/src/generated/envoy/service/discovery/v3/DiscoveryRequest';
import type { DiscoveryResponse } from '@grpc/grpc-js-xds/build/src/generated/envoy/service/discovery/v3/DiscoveryResponse';
import type { Settings } from '../server/settings';
import { SETTINGS } from '../server/tokens';
import { DeltaSession } from './delta-session';
import { MeshSource } from './mesh-source';
import { SotwSession } from './sotw-session';
import { XdsClients } from './xds-clients';
import { loadAdsService } from './xds-protos';

interface Session<Req> {
  request(req: Req): void;
  changed: SotwSession['changed'];
}

/**
 * The Aggregated Discovery Service on settings.xdsPort (off when unset), state-of-the-world and
 * delta, fed by the MeshSource's snapshot.
 */
@Injectable()
export class XdsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('XdsServer');
  private server: Server | undefined;
  private bound = 0;

  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly source: MeshSource,
    private readonly clients: XdsClients,
  ) {}

  /** The port bound; 0 when the xDS server is off. */
  get port(): number {
    return this.bound;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.xdsPort === undefined) return;
    await this.source.start();
    const server = new Server();
    server.addService(loadAdsService(), {
      StreamAggregatedResources: (
        call: ServerDuplexStream<DiscoveryRequest__Output, DiscoveryResponse>,
      ) =>
        this.serve(
          call,
          'sotw',
          (client) => new SotwSession(this.source.snapshot, client, (r) => call.write(r)),
        ),
      DeltaAggregatedResources: (
        call: ServerDuplexStream<DeltaDiscoveryRequest__Output, DeltaDiscoveryResponse>,
      ) =>
        this.serve(
          call,
          'delta',
          (client) => new DeltaSession(this.source.snapshot, client, (r) => call.write(r)),
        ),
    });
    const host = this.settings.host.includes(':') ? `[${this.settings.host}]` : this.settings.host;
    this.bound = await new Promise<number>((resolve, reject) =>
      server.bindAsync(
        `${host}:${this.settings.xdsPort}`,
        ServerCredentials.createInsecure(),
        (err, port) => (err ? reject(err) : resolve(port)),
      ),
    );
    this.server = server;
    this.log.log(`xDS (ADS) on ${host}:${this.bound}`);
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) server.forceShutdown();
    await this.source.stop();
  }

  private serve<Req, Res>(
    call: ServerDuplexStream<Req, Res>,
    protocol: 'sotw' | 'delta',
    open: (client: ReturnType<XdsClients['connect']>) => Session<Req>,
  ): void {
    const client = this.clients.connect(protocol, call.getPeer());
    const session = open(client);
    const unsubscribe = this.source.snapshot.onChange((changes) => session.changed(changes));
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      unsubscribe();
      this.clients.disconnect(client.id);
    };
    call.on('data', (req: Req) => {
      try {
        session.request(req);
      } catch (err) {
        this.log.warn(`xDS request from ${call.getPeer()} failed: ${(err as Error).message}`);
      }
    });
    call.on('end', () => {
      end();
      call.end();
    });
    call.on('error', end);
    call.on('cancelled', end);
    call.on('close', end);
  }
}
