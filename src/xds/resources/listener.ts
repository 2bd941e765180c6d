import type { Listener } from '@grpc/grpc-js-xds/build/src/generated/envoy/config/listener/v3/Listener';
import type { HttpConnectionManager } from '@grpc/grpc-js-xds/build/src/generated/envoy/extensions/filters/network/http_connection_manager/v3/HttpConnectionManager';
import { HTTP_CONNECTION_MANAGER, ROUTER } from '../type-urls';
import { anyOf } from './any';

/** LDS: the API listener a proxyless gRPC client asks for `xds:///{service}`, routed over RDS. */
export function listenerOf(service: string): Listener {
  const manager: HttpConnectionManager = {
    stat_prefix: service,
    rds: {
      route_config_name: service,
      config_source: { ads: {}, resource_api_version: 'V3' },
    },
    http_filters: [{ name: 'envoy.filters.http.router', typed_config: anyOf(ROUTER) }],
  };
  return { name: service, api_listener: { api_listener: anyOf(HTTP_CONNECTION_MANAGER, manager) } };
}
