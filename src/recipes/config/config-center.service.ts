import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OPEN_ACL_UNSAFE } from '../../core/acl';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext, NodeData } from '../../core/coordinator-types';
import { childPath, parentOf } from '../../core/path';
import type { WriteOp } from '../../core/write-request';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { pollForChange, type Versioned } from '../common/change-poll';
import { Deadline, type WaitOptions } from '../common/deadline';
import type { OneShotWatch } from '../common/one-shot-watch';
import { recipeName } from '../common/recipe-name';
import { CONFIG_HISTORY_ROOT, CONFIG_ROOT } from '../../protocol/recipes/recipe-paths';
import { childrenOrEmpty, dataOrNull, ensurePath, hasCode, readMany } from '../common/znode-ops';
import {
  HISTORY_LIMIT,
  versionName,
  type ConfigEntry,
  type ConfigKey,
  type HistoryEntry,
} from './config-entry';
import { isConfigFormat, validateConfig, type ConfigFormat } from './config-format';
import { unifiedDiff } from './line-diff';

const PUBLISH_ATTEMPTS = 10;

export interface Publish {
  content: string;
  format: ConfigFormat;
  /** Compare-and-set: publish only over this version (-1 or absent: over whatever is there). */
  expectedVersion?: number;
}

const md5 = (content: string) => createHash('md5').update(content, 'utf8').digest('hex');

/**
 * The configuration center: `/zoonest/config/{namespace}/{group}/{key}` holds the content
 * itself (any ZooKeeper client can read or watch it), its Stat version is the config version;
 * every publish also records the version under `/zoonest/config-history/...` in the same multi.
 */
@Injectable()
export class ConfigCenterService {
  constructor(private readonly zk: Coordinator) {}

  path(k: ConfigKey): string {
    return `${this.groupDir(k.namespace, k.group)}/${recipeName(k.key, 'key')}`;
  }

  historyDir(k: ConfigKey): string {
    return `${CONFIG_HISTORY_ROOT}/${recipeName(k.namespace, 'namespace')}/${recipeName(k.group, 'group')}/${recipeName(k.key, 'key')}`;
  }

  groupDir(namespace: string, group: string): string {
    return `${CONFIG_ROOT}/${recipeName(namespace, 'namespace')}/${recipeName(group, 'group')}`;
  }

  async publish(
    ctx: ClientContext,
    k: ConfigKey,
    p: Publish,
    rolledBackFrom?: number,
  ): Promise<ConfigEntry> {
    validateConfig(p.format, p.content);
    const path = this.path(k);
    const historyDir = this.historyDir(k);
    await ensurePath(this.zk, ctx, parentOf(path));
    await ensurePath(this.zk, ctx, historyDir);
    const cas = p.expectedVersion !== undefined && p.expectedVersion !== -1;
    for (let attempt = 1; ; attempt++) {
      const node = await dataOrNull(this.zk, ctx, path);
      if (cas && (!node || node.stat.version !== p.expectedVersion)) {
        throw this.badVersion(k, p.expectedVersion as number, node);
      }
      const version = node ? node.stat.version + 1 : 0;
      const entry: HistoryEntry = {
        version,
        format: p.format,
        content: p.content,
        md5: md5(p.content),
        publishedAt: Date.now(),
        ...(rolledBackFrom === undefined ? {} : { rolledBackFrom }),
      };
      const data = Buffer.from(p.content, 'utf8');
      const ops: WriteOp[] = node
        ? [{ op: 'setData', path, data, version: node.stat.version }]
        : [{ op: 'create', path, data, acl: [...OPEN_ACL_UNSAFE], mode: 'persistent' }];
      const kept = (await childrenOrEmpty(this.zk, ctx, historyDir)).children.sort();
      const name = versionName(version);
      // A stale entry of that number (the key was deleted and made again) gives way.
      const stale = kept.filter((v) => v >= name);
      const older = kept.filter((v) => v < name);
      const drop = [...stale, ...older.slice(0, Math.max(0, older.length - (HISTORY_LIMIT - 1)))];
      for (const v of drop) ops.push({ op: 'delete', path: childPath(historyDir, v), version: -1 });
      ops.push({
        op: 'create',
        path: childPath(historyDir, name),
        data: Buffer.from(JSON.stringify(entry)),
        acl: [...OPEN_ACL_UNSAFE],
        mode: 'persistent',
      });
      try {
        const results = await this.zk.multi(ctx, ops);
        const first = results[0];
        const stat =
          first && (first.op === 'setData' || first.op === 'create') ? first.stat : undefined;
        return {
          ...k,
          content: p.content,
          format: p.format,
          version,
          md5: entry.md5,
          updatedAt: stat?.mtime ?? entry.publishedAt,
        };
      } catch (err) {
        const raced = hasCode(err, ZkCode.BadVersion, ZkCode.NodeExists, ZkCode.NoNode);
        if (!raced) throw err;
        if (cas)
          throw this.badVersion(
            k,
            p.expectedVersion as number,
            await dataOrNull(this.zk, ctx, path),
          );
        if (attempt >= PUBLISH_ATTEMPTS) throw err;
      }
    }
  }

  async get(ctx: ClientContext, k: ConfigKey): Promise<ConfigEntry> {
    const node = await dataOrNull(this.zk, ctx, this.path(k));
    if (!node) throw this.missing(k);
    return this.entryOf(ctx, k, node);
  }

  /** Subscribe by long poll: answers when the key changed after `since` (a zxid). */
  async watch(
    ctx: ClientContext,
    k: ConfigKey,
    since: number | undefined,
    opts: WaitOptions = {},
  ): Promise<Versioned<ConfigEntry | null>> {
    const path = this.path(k);
    return pollForChange(
      this.zk,
      ctx,
      async (watch?: OneShotWatch) => {
        const node = await dataOrNull(this.zk, ctx, path, watch?.on(path));
        if (node) return { value: await this.entryOf(ctx, k, node), zxid: node.stat.mzxid };
        // Gone: its parent's pzxid moved when it was deleted.
        const parent = await childrenOrEmpty(this.zk, ctx, parentOf(path));
        return { value: null, zxid: parent.pzxid };
      },
      since,
      new Deadline(opts.timeoutMs),
      opts.signal,
    );
  }

  /** Several keys at one point in time; a missing key is reported as such, not as an error. */
  async getMany(
    ctx: ClientContext,
    keys: ConfigKey[],
  ): Promise<Array<ConfigEntry | (ConfigKey & { error: ZkError })>> {
    const paths = keys.map((k) => this.path(k));
    const nodes = await readMany(this.zk, ctx, paths);
    const formats = await readMany(
      this.zk,
      ctx,
      keys.flatMap((k, i) => {
        const node = nodes.get(paths[i] as string);
        return node ? [childPath(this.historyDir(k), versionName(node.stat.version))] : [];
      }),
    );
    return keys.map((k, i) => {
      const node = nodes.get(paths[i] as string);
      if (!node) return { ...k, error: this.missing(k) };
      const hist = formats.get(childPath(this.historyDir(k), versionName(node.stat.version)));
      return this.compose(k, node, hist ? parseEntry(hist.data) : null);
    });
  }

  async list(ctx: ClientContext, namespace: string, group: string): Promise<string[]> {
    return (await childrenOrEmpty(this.zk, ctx, this.groupDir(namespace, group))).children;
  }

  async groups(ctx: ClientContext, namespace: string): Promise<string[]> {
    return (
      await childrenOrEmpty(this.zk, ctx, `${CONFIG_ROOT}/${recipeName(namespace, 'namespace')}`)
    ).children;
  }

  /** The kept versions, newest first, without their content. */
  async history(ctx: ClientContext, k: ConfigKey): Promise<Array<Omit<HistoryEntry, 'content'>>> {
    const dir = this.historyDir(k);
    const names = (await childrenOrEmpty(this.zk, ctx, dir)).children.sort().reverse();
    const nodes = await readMany(
      this.zk,
      ctx,
      names.map((n) => childPath(dir, n)),
    );
    if (names.length === 0 && !(await this.zk.exists(ctx, this.path(k)))) throw this.missing(k);
    return names.flatMap((n) => {
      const node = nodes.get(childPath(dir, n));
      const entry = node ? parseEntry(node.data) : null;
      if (!entry) return [];
      const { content: _content, ...meta } = entry;
      return [meta];
    });
  }

  async version(ctx: ClientContext, k: ConfigKey, version: number): Promise<HistoryEntry> {
    const node = await dataOrNull(
      this.zk,
      ctx,
      childPath(this.historyDir(k), versionName(version)),
    );
    const entry = node ? parseEntry(node.data) : null;
    if (!entry) {
      throw new ZkError(
        ZkCode.NoNode,
        this.historyDir(k),
        `version ${version} of ${k.namespace}/${k.group}/${k.key} is not in the history (the last ${HISTORY_LIMIT} are kept)`,
      );
    }
    return entry;
  }

  async diff(
    ctx: ClientContext,
    k: ConfigKey,
    from: number,
    to?: number,
  ): Promise<{ from: number; to: number; diff: string }> {
    const target = to ?? (await this.get(ctx, k)).version;
    const [a, b] = await Promise.all([this.version(ctx, k, from), this.version(ctx, k, target)]);
    return {
      from,
      to: target,
      diff: unifiedDiff(a.content, b.content, `${k.key}@${from}`, `${k.key}@${target}`),
    };
  }

  /** Publishes an old version's content and format again, as a new version. */
  async rollback(
    ctx: ClientContext,
    k: ConfigKey,
    toVersion: number,
    expectedVersion?: number,
  ): Promise<ConfigEntry> {
    const old = await this.version(ctx, k, toVersion);
    return this.publish(
      ctx,
      k,
      { content: old.content, format: old.format, expectedVersion },
      toVersion,
    );
  }

  async remove(ctx: ClientContext, k: ConfigKey, expectedVersion = -1): Promise<void> {
    const path = this.path(k);
    try {
      await this.zk.delete(ctx, path, expectedVersion);
    } catch (err) {
      if (hasCode(err, ZkCode.NoNode)) throw this.missing(k);
      if (hasCode(err, ZkCode.BadVersion))
        throw this.badVersion(k, expectedVersion, await dataOrNull(this.zk, ctx, path));
      throw err;
    }
    try {
      await this.zk.deleteRecursive(ctx, this.historyDir(k));
    } catch (err) {
      if (!hasCode(err, ZkCode.NoNode)) throw err;
    }
  }

  private async entryOf(ctx: ClientContext, k: ConfigKey, node: NodeData): Promise<ConfigEntry> {
    const hist = await dataOrNull(
      this.zk,
      ctx,
      childPath(this.historyDir(k), versionName(node.stat.version)),
    );
    return this.compose(k, node, hist ? parseEntry(hist.data) : null);
  }

  /** A version written around the module (by a plain ZooKeeper client) has no entry: it is text. */
  private compose(k: ConfigKey, node: NodeData, entry: HistoryEntry | null): ConfigEntry {
    const content = node.data.toString('utf8');
    const matches = entry !== null && entry.md5 === md5(content);
    return {
      ...k,
      content,
      format: matches ? entry.format : 'text',
      version: node.stat.version,
      md5: md5(content),
      updatedAt: node.stat.mtime,
    };
  }

  private missing(k: ConfigKey): ZkError {
    return new ZkError(
      ZkCode.NoNode,
      this.path(k),
      `no config ${k.key} in group ${k.group} of namespace ${k.namespace}`,
    );
  }

  private badVersion(k: ConfigKey, expected: number, node: NodeData | null): ZkError {
    const now = node ? `it is at version ${node.stat.version}` : 'it does not exist';
    return new ZkError(ZkCode.BadVersion, this.path(k), `expected version ${expected} but ${now}`);
  }
}

function parseEntry(data: Buffer): HistoryEntry | null {
  try {
    const v = JSON.parse(data.toString('utf8')) as Partial<HistoryEntry>;
    if (typeof v.version !== 'number' || typeof v.content !== 'string' || !isConfigFormat(v.format))
      return null;
    return v as HistoryEntry;
  } catch {
    return null;
  }
}
