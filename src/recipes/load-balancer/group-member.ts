import type { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { childPath } from '../../core/path';
import { ZkCode } from '../../core/zk-code';
import { OneShotWatch } from '../common/one-shot-watch';
import {
  childrenOrEmpty,
  createWithParents,
  deleteQuietly,
  hasCode,
  readMany,
} from '../common/znode-ops';
import { assign, partitionKey } from '../../protocol/recipes/assignors';
import { CoalescingRunner } from '../../protocol/recipes/coalescing-runner';
import { groupMembers, type MemberInfo } from '../../protocol/recipes/group-member-info';
import type { PartitionsService } from './partitions.service';

/** Reads are made without the member's session, so they do not keep a dead client's session alive. */
const READER: ClientContext = { sessionId: 0n, remoteAddress: '' };

/**
 * One consumer of a group, rebalanced as Kafka 0.8's ZooKeeper consumer did: every member
 * computes the same assignment from the sorted members and partitions, gives up what is no
 * longer its own and claims its own with ephemeral owner nodes, waiting (watching just that
 * owner node) while a previous owner still holds one. A dead member's owner nodes go with its
 * session, so its partitions are reassigned as soon as the session expires.
 */
export class GroupMember {
  private closed = false;
  private watch?: OneShotWatch;
  private readonly rebalancer = new CoalescingRunner(
    () => this.rebalance(),
    () => this.closed,
    (err) => {
      if (!this.closed) this.failed(err);
    },
  );

  constructor(
    private readonly zk: Coordinator,
    private readonly ctx: ClientContext,
    private readonly partitions: PartitionsService,
    readonly groupDir: string,
    readonly id: string,
    readonly info: MemberInfo,
    private readonly failed: (err: unknown) => void,
  ) {}

  get sessionId(): bigint {
    return this.ctx.sessionId;
  }

  get idsDir(): string {
    return `${this.groupDir}/ids`;
  }

  ownersDir(topic: string): string {
    return `${this.groupDir}/owners/${topic}`;
  }

  async join(): Promise<void> {
    await createWithParents(
      this.zk,
      this.ctx,
      childPath(this.idsDir, this.id),
      Buffer.from(JSON.stringify(this.info)),
      { mode: 'ephemeral' },
      'persistent',
    );
    this.rebalancer.kick();
  }

  /** Leaves: owner nodes and the member node go, and the others rebalance. */
  async leave(): Promise<void> {
    this.stop();
    const owned = await this.owned();
    for (const key of owned) await deleteQuietly(this.zk, this.ctx, this.ownerPath(key));
    await deleteQuietly(this.zk, this.ctx, childPath(this.idsDir, this.id));
  }

  stop(): void {
    this.closed = true;
    this.watch?.cancel();
  }

  /** `topic/partitionId` keys whose owner node names this member. */
  async owned(): Promise<string[]> {
    const keys: string[] = [];
    for (const topic of this.info.topics) {
      const dir = this.ownersDir(topic);
      const { children } = await childrenOrEmpty(this.zk, READER, dir);
      const nodes = await readMany(
        this.zk,
        READER,
        children.map((c) => childPath(dir, c)),
      );
      for (const c of children) {
        const n = nodes.get(childPath(dir, c));
        if (
          n &&
          n.data.toString('utf8') === this.id &&
          n.stat.ephemeralOwner === this.ctx.sessionId
        )
          keys.push(`${topic}/${c}`);
      }
    }
    return keys.sort();
  }

  private ownerPath(key: string): string {
    const slash = key.indexOf('/');
    return childPath(this.ownersDir(key.slice(0, slash)), key.slice(slash + 1));
  }

  private async rebalance(): Promise<void> {
    if (this.closed) return;
    this.watch?.cancel();
    const watch = new OneShotWatch(this.zk);
    this.watch = watch;
    void watch.event.then(() => {
      if (this.watch === watch) this.rebalancer.kick();
    });
    const ids = await childrenOrEmpty(this.zk, READER, this.idsDir, watch.on(this.idsDir));
    if (!ids.children.includes(this.id)) return this.stop(); // our session is gone
    const infos = await readMany(
      this.zk,
      READER,
      ids.children.map((m) => childPath(this.idsDir, m)),
    );
    const { members, assignor } = groupMembers(
      new Map(ids.children.map((m) => [m, infos.get(childPath(this.idsDir, m))?.data])),
      this.info.assignor,
    );
    const topics = [...new Set(members.flatMap((m) => m.topics))];
    const all = (
      await Promise.all(topics.map((t) => this.partitions.partitions(READER, t, watch)))
    ).flatMap((p) => p.value);
    const mine = new Set(assign(assignor, members, all).get(this.id) ?? []);
    const owned = new Set(await this.owned());
    for (const key of owned) {
      if (!mine.has(key)) await deleteQuietly(this.zk, this.ctx, this.ownerPath(key));
    }
    for (const p of all) {
      const key = partitionKey(p);
      if (!mine.has(key) || owned.has(key) || this.closed) continue;
      const path = this.ownerPath(key);
      try {
        await createWithParents(
          this.zk,
          this.ctx,
          path,
          Buffer.from(this.id),
          { mode: 'ephemeral' },
          'persistent',
        );
      } catch (err) {
        if (!hasCode(err, ZkCode.NodeExists)) throw err;
        // Its previous owner has not let go yet: watch that one node.
        if (!(await this.zk.exists(READER, path, watch.on(path)))) this.rebalancer.kick();
      }
    }
  }
}
