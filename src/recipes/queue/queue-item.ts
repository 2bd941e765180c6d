import { decodeItems, encodeItems } from '../../protocol/recipes/curator-items';

/** An item as a take, poll or peek hands it out. */
export interface QueueItem {
  /** The item node's name, e.g. `queue-0000000007`; acks name it. */
  id: string;
  /** The (first) item's bytes. */
  data: Buffer;
  /** All items of a node Curator's putMulti wrote (one, for everything else). */
  batch: Buffer[];
  /** Taken with ack: held until acked, back in the queue if the session ends first. */
  pendingAck: boolean;
}

export const ITEM_PREFIX = 'queue-';

/** Items in FIFO order: Curator sorts the names, whose suffix is the sequence. */
export function itemOrder(children: readonly string[]): string[] {
  return children
    .filter((c) => c.startsWith(ITEM_PREFIX))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const asBuffer = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** An item node's data, in Curator's format (as Curator's DistributedQueue writes it). */
export function itemNodeData(data: Buffer): Buffer {
  return asBuffer(encodeItems([data]));
}

/** The items an item node holds: Curator's format, else the whole data as one item. */
export function itemsOf(data: Buffer): Buffer[] {
  return decodeItems(data)?.map(asBuffer) ?? [data];
}
