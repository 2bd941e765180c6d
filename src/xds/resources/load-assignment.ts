import type { ClusterLoadAssignment } from '@grpc/grpc-js-xds/build/src/generated/envoy/config/endpoint/v3/ClusterLoadAssignment';
import type { LocalityLbEndpoints } from '@grpc/grpc-js-xds/build/src/generated/envoy/config/endpoint/v3/LocalityLbEndpoints';
import type { ServiceInstance } from '../../recipes/registry/service-instance';
import type { LbPolicy } from '../mesh-config';

type HealthStatus = 'HEALTHY' | 'UNHEALTHY' | 'DRAINING' | 'UNKNOWN';

/** An instance's registry status as Envoy's health status (gRPC sends only to HEALTHY/UNKNOWN). */
export function healthOf(status: string): HealthStatus {
  switch (status.toUpperCase()) {
    case 'UP':
      return 'HEALTHY';
    case 'DRAINING':
    case 'STOPPING':
      return 'DRAINING';
    case 'DOWN':
    case 'OUT_OF_SERVICE':
      return 'UNHEALTHY';
    default:
      return 'UNKNOWN';
  }
}

/**
 * EDS: each instance is its own sub-zone of its metadata's region and zone. Proxyless gRPC
 * weighs localities but not the endpoints within one, so the instance's weight goes on both;
 * ring hash multiplies the two, so there the locality weighs 1. Weight 0 takes no traffic.
 */
export function loadAssignmentOf(
  clusterName: string,
  members: readonly ServiceInstance[],
  policy: LbPolicy,
): ClusterLoadAssignment {
  const endpoints: LocalityLbEndpoints[] = members
    .filter((i) => i.weight > 0)
    .map((i) => ({
      locality: { region: i.metadata.region ?? '', zone: i.metadata.zone ?? '', sub_zone: i.id },
      load_balancing_weight: { value: policy === 'consistent-hash' ? 1 : i.weight },
      priority: 0,
      lb_endpoints: [
        {
          endpoint: {
            address: { socket_address: { address: i.host, port_value: i.port } },
            hostname: i.id,
          },
          health_status: healthOf(i.status),
          load_balancing_weight: { value: i.weight },
        },
      ],
    }));
  return { cluster_name: clusterName, endpoints };
}
