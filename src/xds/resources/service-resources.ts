import { lbPolicyOf, clustersOf, membersOf, type ServiceView } from '../service-view';
import {
  CLUSTER,
  CLUSTER_LOAD_ASSIGNMENT,
  LISTENER,
  ROUTE_CONFIGURATION,
  type ResourceType,
} from '../type-urls';
import { clusterOf } from './cluster';
import { listenerOf } from './listener';
import { loadAssignmentOf } from './load-assignment';
import { routeConfigurationOf } from './route-configuration';

export interface NamedResource {
  type: ResourceType;
  name: string;
  body: object;
}

/** Every xDS resource of one service: its listener and route, and each cluster with its endpoints. */
export function serviceResources(view: ServiceView): NamedResource[] {
  const policy = lbPolicyOf(view);
  const out: NamedResource[] = [
    { type: LISTENER, name: view.service, body: listenerOf(view.service) },
    { type: ROUTE_CONFIGURATION, name: view.service, body: routeConfigurationOf(view) },
  ];
  for (const ref of clustersOf(view)) {
    out.push({ type: CLUSTER, name: ref.name, body: clusterOf(ref.name, policy) });
    out.push({
      type: CLUSTER_LOAD_ASSIGNMENT,
      name: ref.name,
      body: loadAssignmentOf(ref.name, membersOf(view, ref), policy),
    });
  }
  return out;
}
