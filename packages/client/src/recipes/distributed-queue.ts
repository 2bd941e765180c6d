import type { Watcher } from '../watched-event';
import type { ZoonestClient } from '../zoonest-client';
import { isZoonestError } from '../zoonest-error';
import { decodeItems, encodeItems } from '@zoonest/protocol/recipes/curator-items';
import {
  childrenOrEmpty,
  createWithParents,
  Deadline,
  ensureNodes,
  oneShot,
  utf8,
} from './recipe-support';
import { requireClient, requirePath } from './arguments';

const ITEM = 'queue-';

/** An item taken with ack: settle it with ack() (done) or release() (back to the queue). */
export interface HeldItem {
  id: string;
  data: Uint8Array;
  ack(): Promise<void>;
  release(): Promise<void>;
}

/**
 * A FIFO queue in Curator DistributedQueue's layout (`{path}/items/queue-{seq}` in its item
 * format, ack locks under `{path}/locks`), shared with the server's queue module and with
 * Curator consumers built with that queue path and lockPath.
 */
export class DistributedQueue {
  constructor(
    private readonly client: ZoonestClient,
    readonly path: string,
  ) {
    requireClient('DistributedQueue', client);
    requirePath('DistributedQueue', path);
  }

  get itemsPath(): string {
    return `${this.path}/items`;
  }

  get locksPath(): string {
    return `${this.path}/locks`;
  }

  /** Curator's put (kazoo's put): answers the item id. */
  async put(data: Uint8Array | string): Promise<string> {
    const bytes = typeof data === 'string' ? utf8.encode(data) : data;
    const path = await createWithParents(
      this.client,
      `${this.itemsPath}/${ITEM}`,
      encodeItems([bytes]),
      'persistent-sequential',
      'persistent',
    );
    return path.slice(path.lastIndexOf('/') + 1);
  }

  /** Removes and returns the head, waiting up to timeoutMs (absent: as long as it takes). */
  async take(opts: { timeoutMs?: number } = {}): Promise<Uint8Array | null> {
    return this.next(new Deadline(opts.timeoutMs), (id) => this.takeOnce(id));
  }

  /** The head if there is one, without waiting. */
  async poll(): Promise<Uint8Array | null> {
    return this.take({ timeoutMs: 0 });
  }

  /** Holds the head for this session until ack() or release(); back in the queue if the session ends. */
  async takeWithAck(opts: { timeoutMs?: number } = {}): Promise<HeldItem | null> {
    return this.next(new Deadline(opts.timeoutMs), (id) => this.hold(id));
  }

  async peek(): Promise<Uint8Array | null> {
    for (const id of await this.available()) {
      try {
        return firstItem((await this.client.getData(`${this.itemsPath}/${id}`)).data);
      } catch (err) {
        if (!isZoonestError(err, 'NoNode')) throw err;
      }
    }
    return null;
  }

  async size(): Promise<number> {
    return (await childrenOrEmpty(this.client, this.itemsPath)).filter((c) => c.startsWith(ITEM))
      .length;
  }

  private async next<T>(
    deadline: Deadline,
    attempt: (id: string) => Promise<T | null>,
  ): Promise<T | null> {
    for (;;) {
      const { watcher, fired } = oneShot();
      for (const id of await this.available(watcher)) {
        const got = await attempt(id);
        if (got !== null) return got;
      }
      if (!(await deadline.race(fired))) return null;
    }
  }

  /** Items not held for an ack, oldest first; the watcher fires when either list changes. */
  private async available(watcher?: Watcher): Promise<string[]> {
    const items = await childrenOrEmpty(this.client, this.itemsPath, watcher);
    const locks = new Set(await childrenOrEmpty(this.client, this.locksPath, watcher));
    return items.filter((c) => c.startsWith(ITEM) && !locks.has(c)).sort();
  }

  private async takeOnce(id: string): Promise<Uint8Array | null> {
    const itemPath = `${this.itemsPath}/${id}`;
    const lockPath = `${this.locksPath}/${id}`;
    let node;
    try {
      node = await this.client.getData(itemPath);
    } catch (err) {
      if (isZoonestError(err, 'NoNode')) return null;
      throw err;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        // The lock create fails while someone holds the item for an ack.
        await this.client
          .transaction()
          .create(lockPath)
          .delete(itemPath, { version: node.stat.version })
          .delete(lockPath)
          .commit();
        return firstItem(node.data);
      } catch (err) {
        if (
          attempt === 1 &&
          isZoonestError(err, 'NoNode') &&
          err.results?.[0]?.codeName === 'NoNode'
        ) {
          await ensureNodes(this.client, this.locksPath, 'persistent');
          continue;
        }
        if (
          isZoonestError(err, 'NoNode') ||
          isZoonestError(err, 'NodeExists') ||
          isZoonestError(err, 'BadVersion')
        )
          return null;
        throw err;
      }
    }
  }

  private async hold(id: string): Promise<HeldItem | null> {
    const lockPath = `${this.locksPath}/${id}`;
    const itemPath = `${this.itemsPath}/${id}`;
    try {
      await createWithParents(
        this.client,
        lockPath,
        this.client.sessionId,
        'ephemeral',
        'persistent',
      );
    } catch (err) {
      if (isZoonestError(err, 'NodeExists')) return null;
      throw err;
    }
    let data: Uint8Array;
    try {
      data = firstItem((await this.client.getData(itemPath)).data);
    } catch (err) {
      await this.client.delete(lockPath).catch(() => undefined);
      if (isZoonestError(err, 'NoNode')) return null;
      throw err;
    }
    return {
      id,
      data,
      ack: async () => {
        await this.client.transaction().delete(itemPath).delete(lockPath).commit();
      },
      release: async () => {
        await this.client.delete(lockPath);
      },
    };
  }
}

function firstItem(bytes: Uint8Array): Uint8Array {
  return decodeItems(bytes)?.[0] ?? bytes;
}
