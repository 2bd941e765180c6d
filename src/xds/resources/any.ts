import type { AnyExtension } from '@grpc/proto-loader';

/** A `google.protobuf.Any` in protobufjs's JSON form: proto-loader encodes it as `typeUrl`. */
export function anyOf(typeUrl: string, body: object = {}): AnyExtension {
  return { '@type': typeUrl, ...body };
}
