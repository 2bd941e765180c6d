import { Injectable } from '@nestjs/common';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { childPath } from '../../core/path';
import { ZkCode } from '../../core/zk-code';
import { hasCode } from '../../recipes/common/znode-ops';
import { aclToJson } from '../../transports/json/acl-json';
import type { AclJson } from '../../protocol/wire/acl-json';
import { statToJson } from '../../transports/json/stat-json';
import type { ChildPage, NodeJson } from '../admin-api-types';

const MAX_PAGE = 500;

/**
 * What the tree view reads: a page of one node's children at a time (so a node with 100,000
 * children costs one page), a node with its Stat and ACL, and a search over the paths.
 */
@Injectable()
export class ZnodeBrowser {
  constructor(private readonly zk: Coordinator) {}

  async children(
    ctx: ClientContext,
    path: string,
    page: { offset?: number; limit?: number; filter?: string } = {},
  ): Promise<ChildPage> {
    const { children } = await this.zk.getChildren(ctx, path);
    const filter = page.filter?.toLowerCase();
    const matching = filter ? children.filter((n) => n.toLowerCase().includes(filter)) : children;
    const offset = Math.max(0, page.offset ?? 0);
    const limit = Math.min(Math.max(page.limit ?? 200, 1), MAX_PAGE);
    const names = matching.slice(offset, offset + limit);
    const stats = await Promise.all(names.map((n) => this.zk.exists(ctx, childPath(path, n))));
    return {
      path,
      total: matching.length,
      offset,
      children: names.flatMap((name, i) => {
        const stat = stats[i];
        if (!stat) return []; // deleted in between
        return [
          {
            name,
            path: childPath(path, name),
            numChildren: stat.numChildren,
            dataLength: stat.dataLength,
            ephemeral: stat.ephemeralOwner !== 0n,
          },
        ];
      }),
    };
  }

  async node(ctx: ClientContext, path: string): Promise<NodeJson> {
    const { data, stat } = await this.zk.getData(ctx, path);
    let acl: AclJson[] | null = null;
    try {
      acl = aclToJson((await this.zk.getACL(ctx, path)).acl);
    } catch (err) {
      if (!hasCode(err, ZkCode.NoAuth)) throw err;
    }
    return { path, data: data.toString('base64'), stat: statToJson(stat), acl };
  }

  /** Paths containing `text` (case-insensitive), in tree order, at most `limit` of them. */
  async search(
    ctx: ClientContext,
    text: string,
    limit = 100,
  ): Promise<{ paths: string[]; truncated: boolean }> {
    const needle = text.toLowerCase();
    const paths: string[] = [];
    let truncated = false;
    if (needle === '') return { paths, truncated };
    await this.zk.walk(ctx, '/', (node) => {
      if (!node.path.toLowerCase().includes(needle)) return;
      if (paths.length < limit) paths.push(node.path);
      else truncated = true;
    });
    paths.sort();
    return { paths, truncated };
  }
}
