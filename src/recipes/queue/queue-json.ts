import { ZkError } from '../../core/zk-error';
import { encodeData, isDataEncoding } from '../../transports/json/data-encoding';
import type { DataEncoding } from '../../protocol/wire/data-encoding';
import { parseTimeout } from '../common/deadline';
import { optionalBool, optionalString, type Fields } from '../common/recipe-fields';
import type { QueueItem } from './queue-item';
import type { TakeOptions } from './queue.service';

export interface QueueItemJson {
  id: string;
  data: string;
  encoding: DataEncoding;
  /** Every item of a node Curator's putMulti wrote; absent for single items. */
  batch?: string[];
  pendingAck: boolean;
}

export function encodingOf(fields: Fields): DataEncoding {
  const value = fields.encoding ?? 'utf8';
  if (!isDataEncoding(value)) throw ZkError.badArguments('encoding must be "utf8" or "base64"');
  return value;
}

/** A take's `{ack, timeoutMs, owner}`; the signal comes from the call. */
export function takeOptionsOf(fields: Fields): Omit<TakeOptions, 'signal'> & { ack: boolean } {
  return {
    ack: optionalBool(fields, 'ack') ?? false,
    timeoutMs: parseTimeout(fields.timeoutMs),
    owner: optionalString(fields, 'owner'),
  };
}

export function itemJson(
  item: QueueItem | null,
  encoding: DataEncoding,
): { item: QueueItemJson | null } {
  if (!item) return { item: null };
  const json: QueueItemJson = {
    id: item.id,
    data: encodeData(item.data, encoding),
    encoding,
    pendingAck: item.pendingAck,
  };
  if (item.batch.length > 1) json.batch = item.batch.map((b) => encodeData(b, encoding));
  return { item: json };
}
