import type { Node__Output } from '@grpc/grpc-js-xds/build/src/generated/envoy/config/core/v3/Node';
import type { NodeIdentity } from './xds-client-info';

/**
 * A `google.protobuf.Struct` as proto-loader decodes it with the proto's field names (the types
 * generated with grpc-js-xds name google's fields in camel case, so they do not fit).
 */
interface WireStruct {
  fields: Record<string, WireValue>;
}
interface WireValue {
  kind?:
    'null_value' | 'number_value' | 'string_value' | 'bool_value' | 'struct_value' | 'list_value';
  number_value?: number;
  string_value?: string;
  bool_value?: boolean;
  struct_value?: WireStruct | null;
  list_value?: { values: WireValue[] } | null;
}

function valueToJson(v: WireValue): unknown {
  switch (v.kind) {
    case 'number_value':
      return v.number_value;
    case 'string_value':
      return v.string_value;
    case 'bool_value':
      return v.bool_value;
    case 'struct_value':
      return v.struct_value ? structToJson(v.struct_value) : {};
    case 'list_value':
      return (v.list_value?.values ?? []).map(valueToJson);
    case 'null_value':
    case undefined:
      return null;
  }
}

export function structToJson(s: WireStruct): Record<string, unknown> {
  return Object.fromEntries(Object.entries(s.fields).map(([k, v]) => [k, valueToJson(v)]));
}

export function nodeIdentityOf(node: Node__Output): NodeIdentity {
  const build = node.user_agent_build_version?.version;
  const version =
    node.user_agent_version_type === 'user_agent_build_version'
      ? build
        ? `${build.major_number}.${build.minor_number}.${build.patch}`
        : ''
      : node.user_agent_version;
  const metadata = node.metadata as unknown as WireStruct | null;
  return {
    id: node.id,
    cluster: node.cluster,
    metadata: metadata ? structToJson(metadata) : {},
    locality: node.locality
      ? { region: node.locality.region, zone: node.locality.zone, subZone: node.locality.sub_zone }
      : null,
    userAgent: [node.user_agent_name, version].filter((s) => s).join(' '),
  };
}
