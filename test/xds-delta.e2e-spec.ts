import { credentials, makeClientConstructor, type ClientDuplexStream } from '@grpc/grpc-js';
import { decodeSingleResource } from '@grpc/grpc-js-xds/build/src/resources';
import type { DeltaDiscoveryRequest } from '@grpc/grpc-js-xds/build/src/generated/envoy/service/discovery/v3/DeltaDiscoveryRequest';
import type { DeltaDiscoveryResponse__Output } from '@grpc/grpc-js-xds/build/src/generated/envoy/service/discovery/v3/DeltaDiscoveryResponse';
import type { RunningServer } from '../src/server/start-server';
import { CLUSTER, CLUSTER_LOAD_ASSIGNMENT } from '../src/xds/type-urls';
import { XdsClients } from '../src/xds/xds-clients';
import { loadAdsService } from '../src/xds/xds-protos';
import { RecipeRest } from './support/recipes-rest';
import { removeTempDirs } from './support/temp-dir';
import { startTestServer } from './support/test-server';
import { until } from './support/until';

type DeltaStream = ClientDuplexStream<DeltaDiscoveryRequest, DeltaDiscoveryResponse__Output>;

/**
 * The incremental protocol as Envoy speaks it with `api_type: DELTA_GRPC` (no npm package ships
 * a delta client, and Envoy is neither in Debian nor on npm): a gRPC stream on Envoy's own ADS
 * service definition.
 */
describe('xDS delta (incremental) ADS', () => {
  let server: RunningServer;
  let rest: RecipeRest;
  let stream: DeltaStream;
  const received: DeltaDiscoveryResponse__Output[] = [];

  const next = async (type: string) => {
    await until(() => received.some((r) => r.type_url === type), 5000, `a ${type} response`);
    const i = received.findIndex((r) => r.type_url === type);
    return received.splice(i, 1)[0] as DeltaDiscoveryResponse__Output;
  };
  const ack = (r: DeltaDiscoveryResponse__Output) =>
    stream.write({ type_url: r.type_url, response_nonce: r.nonce });
  const endpointsOf = (r: DeltaDiscoveryResponse__Output) =>
    r.resources.map((res) => {
      const cla = decodeSingleResource(CLUSTER_LOAD_ASSIGNMENT, res.resource?.value as Buffer);
      return cla.endpoints.map((e) => e.locality?.sub_zone).sort();
    });

  beforeAll(async () => {
    server = await startTestServer({ ZOONEST_XDS_PORT: 0 });
    rest = await new RecipeRest(server.url).open(4000);
    await rest.post('/api/v1/services/demo.Delta/instances', {
      id: 'a',
      host: '127.0.0.1',
      port: 1,
    });
    const Ads = makeClientConstructor(loadAdsService(), 'AggregatedDiscoveryService');
    const client = new Ads(`127.0.0.1:${server.xdsPort}`, credentials.createInsecure());
    stream = (
      client as unknown as { DeltaAggregatedResources(): DeltaStream }
    ).DeltaAggregatedResources();
    stream.on('data', (r: DeltaDiscoveryResponse__Output) => received.push(r));
    stream.on('error', () => undefined);
  });

  afterAll(async () => {
    stream.cancel();
    await rest.close();
    await server.stop();
    await removeTempDirs();
  });

  it('sends what changed, names what went away, and records ACKs and NACKs', async () => {
    stream.write({ node: { id: 'envoy-delta', cluster: 'edge' }, type_url: CLUSTER });
    const clusters = await next(CLUSTER);
    expect(clusters.resources.map((r) => r.name)).toEqual(['demo.Delta']);
    ack(clusters);
    stream.write({ type_url: CLUSTER_LOAD_ASSIGNMENT, resource_names_subscribe: ['demo.Delta'] });
    const first = await next(CLUSTER_LOAD_ASSIGNMENT);
    expect(endpointsOf(first)).toEqual([['a']]);
    ack(first);

    await rest.post('/api/v1/services/demo.Delta/instances', {
      id: 'b',
      host: '127.0.0.1',
      port: 2,
    });
    const second = await next(CLUSTER_LOAD_ASSIGNMENT);
    expect(endpointsOf(second)).toEqual([['a', 'b']]);
    expect(second.resources[0]?.version).not.toBe(first.resources[0]?.version);
    stream.write({
      type_url: CLUSTER_LOAD_ASSIGNMENT,
      response_nonce: second.nonce,
      error_detail: { code: 3, message: 'refused for the test' },
    });
    const status = () =>
      server.app
        .get(XdsClients)
        .list()
        .find((c) => c.node?.id === 'envoy-delta');
    await until(
      () => status()?.types.find((t) => t.type === 'ClusterLoadAssignment')?.nack !== null,
      5000,
      'the NACK',
    );
    expect(status()).toMatchObject({ protocol: 'delta', node: { cluster: 'edge' } });
    expect(status()?.types.find((t) => t.type === 'Cluster')?.ackedVersion).not.toBeNull();
    expect(received).toEqual([]);

    await rest.delete('/api/v1/znodes/dubbo/demo.Delta?recursive=true');
    const gone = await next(CLUSTER);
    expect(gone).toMatchObject({ resources: [], removed_resources: ['demo.Delta'] });
  });
});
