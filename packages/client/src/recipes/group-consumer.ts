import type { ZoonestClient } from '../zoonest-client';
import { isZoonestError } from '../zoonest-error';
import { assign, type AssignorName } from '@zoonest/protocol/recipes/assignors';
import { CoalescingRunner } from '@zoonest/protocol/recipes/coalescing-runner';
import { groupMembers, type MemberInfo } from '@zoonest/protocol/recipes/group-member-info';
import { livePartitions } from './partitions';
import { childrenOrEmpty, createWithParents, deleteQuietly, oneShot } from './recipe-support';

/**
 * A member of a consumer group, rebalanced as the server's consumer groups are (Kafka 0.8's
 * ZooKeeper consumer): `/zoonest/consumers/{group}/ids/{id}` and ephemeral owner nodes
 * `.../owners/{topic}/{brokerId}-{partition}`. `onAssigned` hears every change of what it owns.
 */
export class GroupConsumer {
  private owned: string[] = [];
  private closed = false;
  private readonly rebalancer = new CoalescingRunner(
    () => this.rebalance(),
    () => this.closed,
    () => setTimeout(() => this.rebalancer.kick(), 500), // disconnected: try again
  );

  constructor(
    private readonly client: ZoonestClient,
    readonly group: string,
    readonly id: string,
    readonly topics: string[],
    private readonly opts: { assignor?: AssignorName; onAssigned?: (owned: string[]) => void } = {},
  ) {}

  private get dir(): string {
    return `/zoonest/consumers/${this.group}`;
  }

  async start(): Promise<void> {
    const info: MemberInfo = { topics: this.topics, assignor: this.opts.assignor ?? 'range' };
    await createWithParents(
      this.client,
      `${this.dir}/ids/${this.id}`,
      JSON.stringify(info),
      'ephemeral',
      'persistent',
    );
    this.rebalancer.kick();
  }

  /** `topic/partitionId` keys this member owns now. */
  get assignment(): readonly string[] {
    return this.owned;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const key of this.owned) await deleteQuietly(this.client, `${this.dir}/owners/${key}`);
    await deleteQuietly(this.client, `${this.dir}/ids/${this.id}`);
    this.owned = [];
  }

  private async rebalance(): Promise<void> {
    const { watcher, fired } = oneShot();
    void fired.then(() => this.rebalancer.kick());
    const ids = await childrenOrEmpty(this.client, `${this.dir}/ids`, watcher);
    const reads = await this.client.multiRead(
      ids.map((m) => ({ op: 'getData' as const, path: `${this.dir}/ids/${m}` })),
    );
    const { members, assignor } = groupMembers(
      new Map(
        ids.map((m, i) => {
          const r = reads[i];
          return [m, r?.op === 'getData' ? r.data : undefined];
        }),
      ),
      this.opts.assignor ?? 'range',
    );
    const topics = [...new Set(members.flatMap((m) => m.topics))];
    const all = (
      await Promise.all(topics.map((t) => livePartitions(this.client, t, watcher)))
    ).flat();
    const mine = new Set(assign(assignor, members, all).get(this.id) ?? []);
    const owned: string[] = [];
    for (const key of this.owned) {
      if (!mine.has(key)) await deleteQuietly(this.client, `${this.dir}/owners/${key}`);
      else owned.push(key);
    }
    for (const key of mine) {
      if (owned.includes(key) || this.closed) continue;
      const path = `${this.dir}/owners/${key}`;
      try {
        await createWithParents(this.client, path, this.id, 'ephemeral', 'persistent');
        owned.push(key);
      } catch (err) {
        if (!isZoonestError(err, 'NodeExists')) throw err;
        const stat = await this.client.exists(path, { watch: watcher });
        if (stat?.ephemeralOwner === this.client.sessionId) owned.push(key);
        else if (!stat) this.rebalancer.kick();
      }
    }
    const changed =
      owned.length !== this.owned.length || owned.some((k) => !this.owned.includes(k));
    this.owned = owned.sort();
    if (changed) this.opts.onAssigned?.(this.owned);
  }
}
