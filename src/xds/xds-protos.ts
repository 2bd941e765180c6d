import { dirname, join } from 'node:path';
import type { ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

/** Envoy's protos, as @grpc/grpc-js-xds ships them (with their googleapis, xds and validate deps). */
const PROTO_ROOT = join(dirname(require.resolve('@grpc/grpc-js-xds/package.json')), 'deps');

/**
 * Loaded into one protobufjs root, so an `Any` written as `{'@type': url, ...fields}` is encoded
 * as the message it names, nested ones too.
 */
const PROTO_FILES = [
  'envoy/service/discovery/v3/ads.proto',
  'envoy/config/listener/v3/listener.proto',
  'envoy/config/route/v3/route.proto',
  'envoy/config/cluster/v3/cluster.proto',
  'envoy/config/endpoint/v3/endpoint.proto',
  'envoy/extensions/filters/network/http_connection_manager/v3/http_connection_manager.proto',
  'envoy/extensions/filters/http/router/v3/router.proto',
  'envoy/extensions/load_balancing_policies/wrr_locality/v3/wrr_locality.proto',
  'envoy/extensions/load_balancing_policies/round_robin/v3/round_robin.proto',
  'envoy/extensions/load_balancing_policies/random/v3/random.proto',
  'envoy/extensions/load_balancing_policies/least_request/v3/least_request.proto',
  'envoy/extensions/load_balancing_policies/ring_hash/v3/ring_hash.proto',
];

/** `envoy.service.discovery.v3.AggregatedDiscoveryService`, in proto field names. */
export function loadAdsService(): ServiceDefinition {
  const definition = loadSync(PROTO_FILES, {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
    includeDirs: ['envoy-api', 'xds', 'googleapis', 'protoc-gen-validate'].map((d) =>
      join(PROTO_ROOT, d),
    ),
  });
  return definition['envoy.service.discovery.v3.AggregatedDiscoveryService'] as ServiceDefinition;
}
