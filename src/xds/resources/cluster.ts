import type { Cluster } from '@grpc/grpc-js-xds/build/src/generated/envoy/config/cluster/v3/Cluster';
import type { LoadBalancingPolicy } from '@grpc/grpc-js-xds/build/src/generated/envoy/config/cluster/v3/LoadBalancingPolicy';
import type { LbPolicy } from '../mesh-config';
import { anyOf } from './any';
import { LEAST_REQUEST, RANDOM, RING_HASH, ROUND_ROBIN, WRR_LOCALITY } from '../type-urls';

const ADS = { ads: {}, resource_api_version: 'V3' } as const;

function policy(name: string, typeUrl: string, config: object = {}) {
  return { typed_extension_config: { name, typed_config: anyOf(typeUrl, config) } };
}

/** gRPC's weighted localities over round robin (it skips policies it does not know, as Envoy). */
const WEIGHTED_ROUND_ROBIN = policy('envoy.load_balancing_policies.wrr_locality', WRR_LOCALITY, {
  endpoint_picking_policy: {
    policies: [policy('envoy.load_balancing_policies.round_robin', ROUND_ROBIN)],
  },
});

/** Each strategy first as Envoy names it, then what proxyless gRPC falls back to. */
function policiesOf(lb: LbPolicy): LoadBalancingPolicy {
  switch (lb) {
    case 'round-robin':
    case 'weighted':
      return {
        policies: [
          WEIGHTED_ROUND_ROBIN,
          policy('envoy.load_balancing_policies.round_robin', ROUND_ROBIN),
        ],
      };
    case 'random':
      return {
        policies: [policy('envoy.load_balancing_policies.random', RANDOM), WEIGHTED_ROUND_ROBIN],
      };
    case 'least-request':
    case 'least-outstanding':
      return {
        policies: [
          policy('envoy.load_balancing_policies.least_request', LEAST_REQUEST),
          WEIGHTED_ROUND_ROBIN,
        ],
      };
    case 'consistent-hash':
      return {
        policies: [
          policy('envoy.load_balancing_policies.ring_hash', RING_HASH, {
            hash_function: 'XX_HASH',
            minimum_ring_size: { value: 1024 },
          }),
        ],
      };
  }
}

const LEGACY_POLICY: Record<LbPolicy, Cluster['lb_policy']> = {
  'round-robin': 'ROUND_ROBIN',
  weighted: 'ROUND_ROBIN',
  random: 'RANDOM',
  'least-request': 'LEAST_REQUEST',
  'least-outstanding': 'LEAST_REQUEST',
  'consistent-hash': 'RING_HASH',
};

/** CDS: an EDS cluster fed over the same ADS stream. */
export function clusterOf(name: string, lb: LbPolicy): Cluster {
  return {
    name,
    type: 'EDS',
    eds_cluster_config: { eds_config: ADS, service_name: name },
    connect_timeout: { seconds: 5, nanos: 0 },
    lb_policy: LEGACY_POLICY[lb],
    load_balancing_policy: policiesOf(lb),
  };
}
