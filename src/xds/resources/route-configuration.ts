import type { Route } from '@grpc/grpc-js-xds/build/src/generated/envoy/config/route/v3/Route';
import type { RouteAction } from '@grpc/grpc-js-xds/build/src/generated/envoy/config/route/v3/RouteAction';
import type { RouteConfiguration } from '@grpc/grpc-js-xds/build/src/generated/envoy/config/route/v3/RouteConfiguration';
import type { Duration } from '@grpc/grpc-js-xds/build/src/generated/google/protobuf/Duration';
import type { MeshRoute } from '../mesh-config';
import { subsetClusterName, type ServiceView } from '../service-view';

function duration(ms: number): Duration {
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 };
}

function actionOf(view: ServiceView, route: MeshRoute): RouteAction {
  const action: RouteAction = {};
  const split = Object.entries(route.split ?? {}).filter(([, weight]) => weight > 0);
  if (split.length > 0) {
    action.weighted_clusters = {
      clusters: split.map(([value, weight]) => ({
        name: subsetClusterName(view.service, view.mesh.subsetLabel, value),
        weight: { value: weight },
      })),
    };
  } else {
    action.cluster = view.service;
  }
  if (route.timeoutMs !== undefined) action.timeout = duration(route.timeoutMs);
  if (route.retry) {
    action.retry_policy = {
      retry_on: route.retry.on.join(','),
      num_retries: { value: route.retry.attempts },
      ...(route.retry.backoffMs === undefined
        ? {}
        : {
            retry_back_off: {
              base_interval: duration(route.retry.backoffMs),
              max_interval: duration(route.retry.backoffMs * 10),
            },
          }),
    };
  }
  if (view.mesh.hashHeader)
    action.hash_policy = [{ header: { header_name: view.mesh.hashHeader } }];
  return action;
}

function routeOf(view: ServiceView, route: MeshRoute, index: number): Route {
  return {
    name: route.name ?? `route-${index}`,
    match: {
      prefix: route.prefix,
      headers: Object.entries(route.headers).map(([name, exact]) => ({
        name,
        string_match: { exact },
      })),
    },
    route: actionOf(view, route),
  };
}

/** RDS: the service's routes from its mesh config; without one, all of it to its cluster. */
export function routeConfigurationOf(view: ServiceView): RouteConfiguration {
  const routes = view.mesh.routes ?? [{ prefix: '', headers: {} }];
  return {
    name: view.service,
    virtual_hosts: [
      {
        name: view.service,
        domains: ['*'],
        routes: routes.map((route, i) => routeOf(view, route, i)),
      },
    ],
  };
}
