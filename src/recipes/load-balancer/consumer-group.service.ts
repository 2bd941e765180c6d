import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { childPath } from '../../core/path';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { pollForChange, type Versioned } from '../common/change-poll';
import { Deadline, type WaitOptions } from '../common/deadline';
import type { OneShotWatch } from '../common/one-shot-watch';
import { recipeName } from '../common/recipe-name';
import { CONSUMERS_ROOT } from '../../protocol/recipes/recipe-paths';
import { childrenOrEmpty, hasCode, readMany } from '../common/znode-ops';
import { parseMemberInfo, type MemberInfo } from '../../protocol/recipes/group-member-info';
import { GroupMember } from './group-member';
import { PartitionsService } from './partitions.service';
import type { ConsumerGroupState as GroupState } from '../common/recipe-states';

export type { GroupState };

/**
 * Consumer groups for clients that use REST: this server runs the member's rebalance loop for
 * its session (SDK clients run the same loop themselves). Layout, as Kafka 0.8's consumers:
 * `consumers/{group}/ids/{member}` and `consumers/{group}/owners/{topic}/{partition}`.
 */
@Injectable()
export class ConsumerGroupService implements OnModuleDestroy {
  private readonly log = new Logger(ConsumerGroupService.name);
  private readonly members = new Map<string, GroupMember>();
  private readonly stopListening: () => void;

  constructor(
    private readonly zk: Coordinator,
    private readonly partitions: PartitionsService,
  ) {
    this.stopListening = zk.onSessionClosed((sessionId) => {
      for (const [key, m] of this.members) {
        if (m.sessionId === sessionId) {
          m.stop();
          this.members.delete(key);
        }
      }
    });
  }

  groupDir(group: string): string {
    return `${CONSUMERS_ROOT}/${recipeName(group, 'group')}`;
  }

  async join(
    ctx: ClientContext,
    group: string,
    info: MemberInfo,
    id: string = randomUUID(),
  ): Promise<{ id: string }> {
    recipeName(id, 'member id');
    for (const t of info.topics) recipeName(t, 'topic');
    const member = new GroupMember(
      this.zk,
      ctx,
      this.partitions,
      this.groupDir(group),
      id,
      info,
      (err) =>
        this.log.warn(
          `rebalance of ${group}/${id} failed: ${err instanceof Error ? err.message : String(err)}`,
        ),
    );
    try {
      await member.join();
    } catch (err) {
      if (hasCode(err, ZkCode.NodeExists)) {
        throw new ZkError(
          ZkCode.NodeExists,
          childPath(member.idsDir, id),
          `member ${id} is in group ${group} already`,
        );
      }
      throw err;
    }
    this.members.set(`${group}/${id}`, member);
    return { id };
  }

  async leave(ctx: ClientContext, group: string, id: string): Promise<void> {
    const member = this.members.get(`${group}/${id}`);
    if (!member || member.sessionId !== ctx.sessionId) {
      throw new ZkError(
        ZkCode.NoNode,
        childPath(`${this.groupDir(group)}/ids`, id),
        `member ${id} of ${group} is not run by this session here`,
      );
    }
    this.members.delete(`${group}/${id}`);
    await member.leave();
  }

  /** What a member owns; with `since`, a long poll until that changes. */
  async assignment(
    ctx: ClientContext,
    group: string,
    id: string,
    since?: number,
    opts: WaitOptions = {},
  ): Promise<Versioned<{ owned: Array<{ topic: string; partition: string }> }>> {
    return pollForChange(
      this.zk,
      ctx,
      async (watch) => {
        const { value, zxid } = await this.read(ctx, group, watch);
        const owned = Object.entries(value.owners).flatMap(([topic, parts]) =>
          Object.entries(parts)
            .filter(([, owner]) => owner === id)
            .map(([partition]) => ({ topic, partition })),
        );
        return { value: { owned }, zxid };
      },
      since,
      new Deadline(opts.timeoutMs),
      opts.signal,
    );
  }

  async state(ctx: ClientContext, group: string): Promise<Versioned<GroupState>> {
    return this.read(ctx, group);
  }

  onModuleDestroy(): void {
    this.stopListening();
    for (const m of this.members.values()) m.stop();
    this.members.clear();
  }

  private async read(
    ctx: ClientContext,
    group: string,
    watch?: OneShotWatch,
  ): Promise<Versioned<GroupState>> {
    const dir = this.groupDir(group);
    const idsDir = `${dir}/ids`;
    const ownersRoot = `${dir}/owners`;
    const ids = await childrenOrEmpty(this.zk, ctx, idsDir, watch?.on(idsDir));
    const topics = await childrenOrEmpty(this.zk, ctx, ownersRoot, watch?.on(ownersRoot));
    let zxid = Math.max(ids.pzxid, topics.pzxid);
    const infos = await readMany(
      this.zk,
      ctx,
      ids.children.map((m) => childPath(idsDir, m)),
    );
    const members = ids.children.flatMap((m) => {
      const n = infos.get(childPath(idsDir, m));
      const info = n ? parseMemberInfo(n.data) : null;
      return n && info ? [{ id: m, ...info, sessionId: n.stat.ephemeralOwner.toString() }] : [];
    });
    const owners: GroupState['owners'] = {};
    for (const topic of topics.children) {
      const tdir = childPath(ownersRoot, topic);
      const parts = await childrenOrEmpty(this.zk, ctx, tdir, watch?.on(tdir));
      zxid = Math.max(zxid, parts.pzxid);
      const nodes = await readMany(
        this.zk,
        ctx,
        parts.children.map((p) => childPath(tdir, p)),
      );
      owners[topic] = {};
      for (const p of parts.children) {
        const n = nodes.get(childPath(tdir, p));
        if (n) owners[topic][p] = n.data.toString('utf8');
      }
    }
    return { value: { group, members, owners }, zxid };
  }
}
