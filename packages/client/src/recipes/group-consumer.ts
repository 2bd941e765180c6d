import type { ConnectionState } from '../connection-state';
import type { ZoonestClient } from '../zoonest-client';
import { isZoonestError } from '../zoonest-error';
import { ASSIGNORS, assign, type AssignorName } from '@zoonest/protocol/recipes/assignors';
import { CoalescingRunner } from '@zoonest/protocol/recipes/coalescing-runner';
import { groupMembers, type MemberInfo } from '@zoonest/protocol/recipes/group-member-info';
import { CONSUMERS_ROOT } from '@zoonest/protocol/recipes/recipe-paths';
import { requireClient, requireName, requireOneOf } from './arguments';
import { livePartitions } from './partitions';
import { childrenOrEmpty, createWithParents, deleteQuietly, oneShot } from './recipe-support';

export interface GroupConsumerOptions {
  /** The assignor this member proposes; the group follows its lowest member's. Default 'range'. */
  assignor?: AssignorName;
  /**
   * Every change of what this member owns (`topic/partitionId` keys, sorted). A key is listed
   * only once its owner node exists under this client's session.
   */
  onAssigned?: (owned: string[]) => void | Promise<void>;
  /**
   * Partitions this member is about to give up (Kafka's onPartitionsRevoked). Awaited: their
   * owner nodes are deleted, and so the next owner is told, only after it settles.
   */
  onRevoked?: (revoked: string[]) => void | Promise<void>;
}

/**
 * A member of a consumer group, rebalanced as the server's consumer groups are (Kafka 0.8's
 * ZooKeeper consumer): `/zoonest/consumers/{group}/ids/{id}` and ephemeral owner nodes
 * `.../owners/{topic}/{brokerId}-{partition}`. Handover follows Kafka's
 * ConsumerRebalanceListener: `onRevoked` is awaited before a partition's owner node goes, and
 * `onAssigned` names a partition only after its owner node is ours, so no two members ever
 * claim one partition at once.
 */
export class GroupConsumer {
  private owned: string[] = [];
  private closed = false;
  private readonly rebalancer = new CoalescingRunner(
    () => this.rebalance(),
    () => this.closed,
    () => setTimeout(() => this.rebalancer.kick(), 500), // disconnected: try again
  );
  private readonly onState = (state: ConnectionState) => void this.sessionChanged(state);

  constructor(
    private readonly client: ZoonestClient,
    readonly group: string,
    readonly id: string,
    readonly topics: string[],
    private readonly opts: GroupConsumerOptions = {},
  ) {
    requireClient('GroupConsumer', client);
    requireName('GroupConsumer', 'group', group);
    requireName('GroupConsumer', 'id', id);
    if (!Array.isArray(topics)) throw new TypeError('GroupConsumer: topics must be a list');
    for (const topic of topics) requireName('GroupConsumer', 'topic', topic);
    if (opts.assignor !== undefined) {
      requireOneOf('GroupConsumer', 'assignor', opts.assignor, ASSIGNORS);
    }
  }

  private get dir(): string {
    return `${CONSUMERS_ROOT}/${this.group}`;
  }

  async start(): Promise<void> {
    this.client.on('state', this.onState);
    await this.register();
  }

  /** `topic/partitionId` keys this member owns now. */
  get assignment(): readonly string[] {
    return this.owned;
  }

  /** Leaves the group: `onRevoked` for what it owns, then its owner and member nodes go. */
  async close(): Promise<void> {
    this.closed = true;
    this.client.off('state', this.onState);
    await this.rebalancer.idle();
    try {
      await this.revoke(this.owned);
    } finally {
      for (const key of this.owned) await deleteQuietly(this.client, `${this.dir}/owners/${key}`);
      this.owned = [];
      await deleteQuietly(this.client, `${this.dir}/ids/${this.id}`);
    }
  }

  private async register(): Promise<void> {
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

  /** An expired session took our owner nodes with it: what we owned is lost; a new one rejoins. */
  private async sessionChanged(state: ConnectionState): Promise<void> {
    if (this.closed) return;
    if (state === 'expired' && this.owned.length > 0) {
      const lost = this.owned;
      this.owned = [];
      await this.opts.onRevoked?.(lost);
      await this.opts.onAssigned?.([]);
    }
    if (state === 'newSession') await this.register();
  }

  /** Tells the listener first, and only then lets the owner nodes go. */
  private async revoke(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.opts.onRevoked?.([...keys]);
    this.owned = this.owned.filter((k) => !keys.includes(k));
    for (const key of keys) await deleteQuietly(this.client, `${this.dir}/owners/${key}`);
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
    const before = this.owned;
    await this.revoke(before.filter((k) => !mine.has(k)));
    const claimed: string[] = [];
    for (const key of mine) {
      if (this.owned.includes(key) || this.closed) continue;
      const path = `${this.dir}/owners/${key}`;
      try {
        await createWithParents(this.client, path, this.id, 'ephemeral', 'persistent');
        claimed.push(key);
      } catch (err) {
        if (!isZoonestError(err, 'NodeExists')) throw err;
        // Its previous owner has not let go yet: watch that one node.
        const stat = await this.client.exists(path, { watch: watcher });
        if (stat?.ephemeralOwner === this.client.sessionId) claimed.push(key);
        else if (!stat) this.rebalancer.kick();
      }
    }
    this.owned = [...this.owned, ...claimed].sort();
    const changed =
      this.owned.length !== before.length || this.owned.some((k) => !before.includes(k));
    if (changed) await this.opts.onAssigned?.(this.owned);
  }
}
