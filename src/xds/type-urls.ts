const PREFIX = 'type.googleapis.com/';

/** The four resource types Zoonest serves, in the order a client needs them. */
export const LISTENER = `${PREFIX}envoy.config.listener.v3.Listener`;
export const ROUTE_CONFIGURATION = `${PREFIX}envoy.config.route.v3.RouteConfiguration`;
export const CLUSTER = `${PREFIX}envoy.config.cluster.v3.Cluster`;
export const CLUSTER_LOAD_ASSIGNMENT = `${PREFIX}envoy.config.endpoint.v3.ClusterLoadAssignment`;

export const RESOURCE_TYPES = [LISTENER, ROUTE_CONFIGURATION, CLUSTER, CLUSTER_LOAD_ASSIGNMENT];
export type ResourceType = string;

/** Types whose state-of-the-world answers list every resource (an absent one is deleted). */
export const FULL_STATE_TYPES = new Set([LISTENER, CLUSTER]);

export const HTTP_CONNECTION_MANAGER = `${PREFIX}envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager`;
export const ROUTER = `${PREFIX}envoy.extensions.filters.http.router.v3.Router`;
export const WRR_LOCALITY = `${PREFIX}envoy.extensions.load_balancing_policies.wrr_locality.v3.WrrLocality`;
export const ROUND_ROBIN = `${PREFIX}envoy.extensions.load_balancing_policies.round_robin.v3.RoundRobin`;
export const RANDOM = `${PREFIX}envoy.extensions.load_balancing_policies.random.v3.Random`;
export const LEAST_REQUEST = `${PREFIX}envoy.extensions.load_balancing_policies.least_request.v3.LeastRequest`;
export const RING_HASH = `${PREFIX}envoy.extensions.load_balancing_policies.ring_hash.v3.RingHash`;

export function shortTypeName(type: ResourceType): string {
  return type.slice(type.lastIndexOf('.') + 1);
}
