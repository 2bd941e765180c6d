import { Injectable } from '@nestjs/common';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { childPath } from '../../core/path';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { LATCH, LATCH_NAME, order } from '../../protocol/recipes/contention';
import { awaitTurn } from '../common/contender-wait';
import { pollForChange, type Versioned } from '../common/change-poll';
import { Deadline, type WaitOptions } from '../common/deadline';
import type { OneShotWatch } from '../common/one-shot-watch';
import { recipeName } from '../common/recipe-name';
import { ELECTIONS_ROOT } from '../../protocol/recipes/recipe-paths';
import { childrenOrEmpty, createWithParents, hasCode, readMany } from '../common/znode-ops';
import { LockContenders } from '../lock/lock-contenders';
import type {
  CandidateJson,
  ElectionState as GroupState,
  MemberJson,
} from '../common/recipe-states';

export type { CandidateJson, GroupState, MemberJson };

/**
 * Group membership (ephemeral `members/{id}`) and leader election (Curator's LeaderLatch under
 * `leader/`): the lowest latch node leads; each other candidate watches only the one ahead.
 */
@Injectable()
export class ElectionService {
  private readonly contenders: LockContenders;

  constructor(private readonly zk: Coordinator) {
    this.contenders = new LockContenders(zk);
  }

  dir(group: string): string {
    return `${ELECTIONS_ROOT}/${recipeName(group, 'group')}`;
  }

  membersDir(group: string): string {
    return `${this.dir(group)}/members`;
  }

  latchDir(group: string): string {
    return `${this.dir(group)}/leader`;
  }

  async join(ctx: ClientContext, group: string, id: string, data = ''): Promise<MemberJson> {
    const path = childPath(this.membersDir(group), recipeName(id, 'member id'));
    try {
      const created = await createWithParents(this.zk, ctx, path, Buffer.from(data), {
        mode: 'ephemeral',
      });
      return {
        id,
        data,
        sessionId: created.stat.ephemeralOwner.toString(),
        since: created.stat.ctime,
      };
    } catch (err) {
      if (!hasCode(err, ZkCode.NodeExists)) throw err;
      throw new ZkError(ZkCode.NodeExists, path, `member ${id} is already in group ${group}`);
    }
  }

  async leave(ctx: ClientContext, group: string, id: string): Promise<void> {
    await this.contenders.release(ctx, this.membersDir(group), recipeName(id, 'member id'));
  }

  /** Joins the election; with timeoutMs, also waits that long to lead. */
  async campaign(
    ctx: ClientContext,
    group: string,
    id: string,
    opts: WaitOptions = {},
  ): Promise<{ node: string; token: number; leader: boolean }> {
    const dir = this.latchDir(group);
    const held = await this.contenders.enqueue(
      ctx,
      dir,
      LATCH_NAME,
      recipeName(id, 'candidate id'),
    );
    const leader = await this.awaitLeadership(ctx, group, held.node, {
      timeoutMs: opts.timeoutMs ?? 0,
      signal: opts.signal,
    });
    return { node: held.node, token: held.token, leader: leader.leader };
  }

  async awaitLeadership(
    ctx: ClientContext,
    group: string,
    node: string,
    opts: WaitOptions = {},
  ): Promise<{ leader: boolean }> {
    const outcome = await awaitTurn(
      this.zk,
      ctx,
      this.latchDir(group),
      recipeName(node, 'node'),
      LATCH,
      new Deadline(opts.timeoutMs),
      opts.signal,
    );
    return { leader: outcome === 'holds' };
  }

  async resign(ctx: ClientContext, group: string, node: string): Promise<void> {
    await this.contenders.release(ctx, this.latchDir(group), recipeName(node, 'node'));
  }

  /** Members, candidates and leader; with `since`, a long poll for the next change. */
  async state(
    ctx: ClientContext,
    group: string,
    since?: number,
    opts: WaitOptions = {},
  ): Promise<Versioned<GroupState>> {
    this.dir(group);
    return pollForChange(
      this.zk,
      ctx,
      (watch) => this.read(ctx, group, watch),
      since,
      new Deadline(opts.timeoutMs),
      opts.signal,
    );
  }

  private async read(
    ctx: ClientContext,
    group: string,
    watch?: OneShotWatch,
  ): Promise<Versioned<GroupState>> {
    const membersDir = this.membersDir(group);
    const latchDir = this.latchDir(group);
    const members = await childrenOrEmpty(this.zk, ctx, membersDir, watch?.on(membersDir));
    const latches = await childrenOrEmpty(this.zk, ctx, latchDir, watch?.on(latchDir));
    const ordered = order(latches.children, LATCH.lockNames);
    const paths = [
      ...members.children.map((m) => childPath(membersDir, m)),
      ...ordered.map((n) => childPath(latchDir, n)),
    ];
    const nodes = await readMany(this.zk, ctx, paths);
    const memberList = members.children.flatMap((id): MemberJson[] => {
      const n = nodes.get(childPath(membersDir, id));
      return n
        ? [
            {
              id,
              data: n.data.toString('utf8'),
              sessionId: n.stat.ephemeralOwner.toString(),
              since: n.stat.ctime,
            },
          ]
        : [];
    });
    const candidates = ordered.flatMap((node): CandidateJson[] => {
      const n = nodes.get(childPath(latchDir, node));
      return n
        ? [
            {
              id: n.data.toString('utf8'),
              node,
              token: n.stat.czxid,
              sessionId: n.stat.ephemeralOwner.toString(),
              since: n.stat.ctime,
            },
          ]
        : [];
    });
    const zxid = Math.max(members.pzxid, latches.pzxid);
    return {
      value: { group, members: memberList, leader: candidates[0] ?? null, candidates },
      zxid,
    };
  }
}
