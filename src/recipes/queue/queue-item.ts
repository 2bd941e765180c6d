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
