import { ZkError } from '../../core/zk-error';
import {
  oneOf,
  optionalInt,
  optionalString,
  requiredInt,
  requiredString,
  stringMap,
  type Fields,
} from '../common/recipe-fields';
import type { Registration, Side } from '../../protocol/recipes/service-instance';
import type { InstanceUpdate } from './registry.service';

export function sideOf(fields: Fields): Side {
  return oneOf(fields, 'side', ['providers', 'consumers'] as const, 'providers');
}

export function registrationOf(fields: Fields): Registration {
  const host = requiredString(fields, 'host');
  if (host === '' || /[\s/?#]/.test(host))
    throw ZkError.badArguments('host must be a host name or address');
  return {
    id: optionalString(fields, 'id'),
    host,
    port: requiredInt(fields, 'port', 0, 65535),
    protocol: optionalString(fields, 'protocol'),
    weight: optionalInt(fields, 'weight', 0, 1_000_000),
    status: optionalString(fields, 'status'),
    metadata: stringMap(fields, 'metadata'),
  };
}

export function updateOf(fields: Fields): InstanceUpdate {
  const raw = fields.metadata;
  let metadata: Record<string, string | null> | undefined;
  if (raw !== undefined && raw !== null) {
    if (typeof raw !== 'object' || Array.isArray(raw))
      throw ZkError.badArguments('metadata must be an object');
    metadata = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (v === null) metadata[k] = null;
      else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        metadata[k] = String(v);
      else throw ZkError.badArguments(`metadata.${k} must be a string or null`);
    }
  }
  return {
    status: optionalString(fields, 'status'),
    weight: optionalInt(fields, 'weight', 0, 1_000_000),
    metadata,
  };
}
