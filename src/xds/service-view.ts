import type { ServiceInstance } from '../recipes/registry/service-instance';
import type { LbPolicy, MeshConfig } from './mesh-config';

/** What the xDS resources of one service are made of: its live providers and its mesh config. */
export interface ServiceView {
  service: string;
  providers: readonly ServiceInstance[];
  mesh: MeshConfig;
}

/** One xDS cluster of a service: all its providers, or the subset whose label has one value. */
export interface ClusterRef {
  name: string;
  subset?: { label: string; value: string };
}

/** Dubbo's `loadbalance` URL parameter, as Zoonest's strategies. */
const DUBBO_LOADBALANCE: Record<string, LbPolicy> = {
  random: 'random',
  roundrobin: 'round-robin',
  leastactive: 'least-request',
  shortestresponse: 'least-request',
  consistenthash: 'consistent-hash',
};

/** The mesh config's policy, else what the providers' Dubbo URLs ask, else round-robin. */
export function lbPolicyOf(view: ServiceView): LbPolicy {
  if (view.mesh.lbPolicy) return view.mesh.lbPolicy;
  for (const i of view.providers) {
    const asked = DUBBO_LOADBALANCE[i.metadata.loadbalance ?? ''];
    if (asked) return asked;
  }
  return 'round-robin';
}

export function subsetClusterName(service: string, label: string, value: string): string {
  return `${service}|${label}=${value}`;
}

/**
 * The service's cluster, then one per value of the subset label among its providers and its
 * routes' splits. A subset's cluster outlives the routes that use it, so a client still on an
 * older route config (or one that refused the newer) never loses the clusters it routes to.
 */
export function clustersOf(view: ServiceView): ClusterRef[] {
  const label = view.mesh.subsetLabel;
  const values = new Set<string>();
  for (const i of view.providers) {
    const value = i.metadata[label];
    if (value !== undefined && value !== '') values.add(value);
  }
  for (const route of view.mesh.routes ?? []) {
    for (const value of Object.keys(route.split ?? {})) values.add(value);
  }
  return [
    { name: view.service },
    ...[...values].sort().map((value) => ({
      name: subsetClusterName(view.service, label, value),
      subset: { label, value },
    })),
  ];
}

export function membersOf(view: ServiceView, ref: ClusterRef): ServiceInstance[] {
  const subset = ref.subset;
  if (!subset) return [...view.providers];
  return view.providers.filter((i) => i.metadata[subset.label] === subset.value);
}
