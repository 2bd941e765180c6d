import { load } from 'js-yaml';
import type { ZoonestClient } from '../zoonest-client';
import { isZoonestError } from '../zoonest-error';
import { RecipePaths } from '@zoonest/protocol/recipes/recipe-paths';
import { childrenOrEmpty, ensureNodes, parentOf, utf8, watchLoop } from './recipe-support';
import { requireClient } from './arguments';

export type ConfigFormat = 'json' | 'yaml' | 'properties' | 'text';

export interface ConfigKey {
  namespace?: string;
  group?: string;
  key: string;
}

export interface ConfigValue {
  content: string;
  format: ConfigFormat;
  version: number;
}

/** As the server's config module keeps it (docs/recipes.md). */
const HISTORY_LIMIT = 50;
const pad = (v: number) => v.toString().padStart(10, '0');

function resolve(k: ConfigKey): { namespace: string; group: string; key: string } {
  return { namespace: k.namespace ?? 'public', group: k.group ?? 'DEFAULT_GROUP', key: k.key };
}

function check(format: ConfigFormat, content: string): void {
  if (format === 'json') JSON.parse(content);
  if (format === 'yaml') load(content);
  if (format === 'properties' && /\\u(?![0-9a-fA-F]{4})/.test(content.replace(/\\\\/g, ''))) {
    throw new Error('not valid properties: malformed \\uxxxx escape');
  }
}

/**
 * The configuration center from the client side, on the server config module's znodes: get,
 * publish (compare-and-set, recorded in the history in the same transaction) and watch (read at
 * start, then every change).
 */
export class ConfigClient {
  constructor(private readonly client: ZoonestClient) {
    requireClient('ConfigClient', client);
  }

  async get(k: ConfigKey): Promise<ConfigValue | null> {
    const { namespace, group, key } = resolve(k);
    try {
      const node = await this.client.getData(RecipePaths.config(namespace, group, key), {
        encoding: 'utf8',
      });
      return {
        content: node.data,
        format: await this.formatOf(k, node.stat.version, node.data),
        version: node.stat.version,
      };
    } catch (err) {
      if (isZoonestError(err, 'NoNode')) return null;
      throw err;
    }
  }

  /** Publishes; with expectedVersion, only over that version (else BadVersion). */
  async publish(
    k: ConfigKey,
    content: string,
    opts: { format?: ConfigFormat; expectedVersion?: number } = {},
  ): Promise<number> {
    const { namespace, group, key } = resolve(k);
    const format = opts.format ?? 'text';
    check(format, content);
    const path = RecipePaths.config(namespace, group, key);
    const history = RecipePaths.configHistory(namespace, group, key);
    await ensureNodes(this.client, parentOf(path), 'persistent');
    await ensureNodes(this.client, history, 'persistent');
    let current: number | null = null;
    try {
      current = (await this.client.getData(path)).stat.version;
    } catch (err) {
      if (!isZoonestError(err, 'NoNode')) throw err;
    }
    const cas = opts.expectedVersion !== undefined && opts.expectedVersion !== -1;
    const base = cas ? (opts.expectedVersion as number) : current;
    const version = base === null ? 0 : base + 1;
    const tx = this.client.transaction();
    if (base === null) tx.create(path, content);
    else tx.setData(path, content, { version: base });
    const kept = (await childrenOrEmpty(this.client, history)).sort();
    const older = kept.filter((v) => v < pad(version));
    for (const v of kept.filter((v) => v >= pad(version))) tx.delete(`${history}/${v}`);
    for (const v of older.slice(0, Math.max(0, older.length - (HISTORY_LIMIT - 1))))
      tx.delete(`${history}/${v}`);
    const md5 = await md5Hex(content);
    tx.create(
      `${history}/${pad(version)}`,
      JSON.stringify({ version, format, content, md5, publishedAt: Date.now() }),
    );
    await tx.commit();
    return version;
  }

  /** Calls `listener` with the value now and after every change (null while it does not exist). */
  watch(k: ConfigKey, listener: (value: ConfigValue | null) => void): () => void {
    const { namespace, group, key } = resolve(k);
    const path = RecipePaths.config(namespace, group, key);
    return watchLoop(
      async (watcher) =>
        (await this.client.exists(path, { watch: watcher })) ? this.get(k) : null,
      listener,
    );
  }

  private async formatOf(k: ConfigKey, version: number, content: string): Promise<ConfigFormat> {
    const { namespace, group, key } = resolve(k);
    try {
      const entry = JSON.parse(
        (
          await this.client.getData(
            `${RecipePaths.configHistory(namespace, group, key)}/${pad(version)}`,
            { encoding: 'utf8' },
          )
        ).data,
      ) as { format?: ConfigFormat; md5?: string };
      return entry.md5 === (await md5Hex(content)) && entry.format ? entry.format : 'text';
    } catch {
      return 'text';
    }
  }
}

/** The server records md5 hex of the content; node's crypto, loaded lazily so browsers can skip it. */
async function md5Hex(content: string): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('md5').update(utf8.encode(content)).digest('hex');
}
