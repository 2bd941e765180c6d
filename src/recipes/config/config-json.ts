import { ZkError } from '../../core/zk-error';
import { errorToJson } from '../../transports/json/error-json';
import type { ErrorJson } from '../../protocol/wire/error-json';
import { optionalInt, requiredString, type Fields } from '../common/recipe-fields';
import type { ConfigEntry, ConfigKey } from './config-entry';
import { CONFIG_FORMATS, isConfigFormat, type ConfigFormat } from './config-format';
import type { Publish } from './config-center.service';

export function formatOf(fields: Fields): ConfigFormat {
  const value = fields.format ?? 'text';
  if (!isConfigFormat(value))
    throw ZkError.badArguments(`format must be one of ${CONFIG_FORMATS.join(', ')}`);
  return value;
}

export function publishOf(fields: Fields): Publish {
  return {
    content: requiredString(fields, 'content'),
    format: formatOf(fields),
    expectedVersion: optionalInt(fields, 'expectedVersion', -1, 0x7fffffff),
  };
}

export function keysOf(value: unknown): ConfigKey[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 1000) {
    throw ZkError.badArguments('keys must be a list of 1 to 1000 {namespace, group, key}');
  }
  return value.map((raw: unknown) => {
    const f = (raw ?? {}) as Fields;
    return {
      namespace: typeof f.namespace === 'string' ? f.namespace : 'public',
      group: typeof f.group === 'string' ? f.group : 'DEFAULT_GROUP',
      key: requiredString(f, 'key'),
    };
  });
}

export type ConfigItemJson = ConfigEntry | (ConfigKey & { error: ErrorJson });

/** getMany's answer, each missing key's error as JSON. */
export function configItemsJson(
  items: Array<ConfigEntry | (ConfigKey & { error: ZkError })>,
): ConfigItemJson[] {
  return items.map((i) => ('error' in i ? { ...i, error: errorToJson(i.error) } : i));
}
