import type { WatchedEvent, Watcher } from '../watched-event';
import type { ZoonestClient } from '../zoonest-client';
import { isZoonestError } from '../zoonest-error';

/** A watcher for one wait, and the promise of its event. */
export function oneShot(): { watcher: Watcher; fired: Promise<WatchedEvent> } {
  let watcher: Watcher = () => undefined;
  const fired = new Promise<WatchedEvent>((resolve) => (watcher = resolve));
  return { watcher, fired };
}

/**
 * Calls `listener` with what `read` finds now, and again each time a watch `read` set fires,
 * until the returned function is called. A failed read (disconnected) is tried again.
 */
export function watchLoop<T>(
  read: (watcher: Watcher) => Promise<T>,
  listener: (value: T) => void,
): () => void {
  let stopped = false;
  void (async () => {
    while (!stopped) {
      try {
        const { watcher, fired } = oneShot();
        const value = await read(watcher);
        if (!stopped) listener(value);
        await fired;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();
  return () => {
    stopped = true;
  };
}

/** When a wait gives up: `timeoutMs` from now, never when undefined. */
export class Deadline {
  private readonly at: number;

  constructor(timeoutMs?: number) {
    this.at = timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + timeoutMs;
  }

  /** True if `event` came first, false at the deadline. */
  async race(event: Promise<unknown>): Promise<boolean> {
    if (this.at === Number.POSITIVE_INFINITY) {
      await event;
      return true;
    }
    const left = this.at - Date.now();
    if (left <= 0) return false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<false>(
      (resolve) => (timer = setTimeout(() => resolve(false), left)),
    );
    const won = await Promise.race([event.then(() => true), timeout]);
    clearTimeout(timer);
    return won;
  }
}

export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Creates each missing ancestor-or-self, as `mode` nodes (containers, as Curator, by default). */
export async function ensureNodes(
  client: ZoonestClient,
  path: string,
  mode: 'persistent' | 'container' = 'container',
): Promise<void> {
  const names = path.split('/').filter((n) => n !== '');
  for (let i = 1; i <= names.length; i++) {
    await client
      .create(`/${names.slice(0, i).join('/')}`, undefined, { mode })
      .catch((err: unknown) => {
        if (!isZoonestError(err, 'NodeExists')) throw err;
      });
  }
}

/** Curator's creatingParentContainersIfNeeded(): creates, making missing parents on NoNode. */
export async function createWithParents(
  client: ZoonestClient,
  path: string,
  data: Uint8Array | string | undefined,
  mode: 'ephemeral' | 'ephemeral-sequential' | 'persistent' | 'persistent-sequential',
  parentMode: 'persistent' | 'container' = 'container',
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.create(path, data, { mode });
    } catch (err) {
      if (!isZoonestError(err, 'NoNode') || attempt >= 5) throw err;
      await ensureNodes(client, parentOf(path), parentMode);
    }
  }
}

export async function deleteQuietly(client: ZoonestClient, path: string): Promise<void> {
  await client.delete(path).catch((err: unknown) => {
    if (!isZoonestError(err, 'NoNode')) throw err;
  });
}

export async function childrenOrEmpty(
  client: ZoonestClient,
  path: string,
  watch?: Watcher,
): Promise<string[]> {
  try {
    return await client.getChildren(path, watch ? { watch } : {});
  } catch (err) {
    if (!isZoonestError(err, 'NoNode')) throw err;
    // Watch for its creation instead.
    if (watch && (await client.exists(path, { watch }))) return client.getChildren(path);
    return [];
  }
}

export const utf8 = {
  encode: (s: string): Uint8Array => new TextEncoder().encode(s),
  decode: (b: Uint8Array): string => new TextDecoder().decode(b),
};
