import { Injectable } from '@nestjs/common';
import { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import { childPath } from '../../core/path';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import type { Versioned } from '../common/change-poll';
import type { OneShotWatch } from '../common/one-shot-watch';
import { recipeName } from '../common/recipe-name';
import { BROKERS_ROOT } from '../../protocol/recipes/recipe-paths';
import {
  childrenOrEmpty,
  createWithParents,
  dataOrNull,
  hasCode,
  readMany,
} from '../common/znode-ops';
import { comparePartitions, partitionId, type Partition } from '../../protocol/recipes/partition';

export const BROKER_IDS = `${BROKERS_ROOT}/ids`;
export const BROKER_TOPICS = `${BROKERS_ROOT}/topics`;

export interface Broker {
  id: string;
  host: string;
  port: number;
}

export interface PartitionJson extends Partition {
  host: string;
  port: number;
}

/**
 * Brokers and their partitions, in Kafka 0.7's layout: `brokers/ids/{id}` (ephemeral, the
 * address) and `brokers/topics/{topic}/{brokerId}` (ephemeral, the partition count). A
 * producer spreads its messages round-robin over the ordered list of live partitions.
 */
@Injectable()
export class PartitionsService {
  private readonly turns = new Map<string, number>();

  constructor(private readonly zk: Coordinator) {}

  async registerBroker(ctx: ClientContext, broker: Broker): Promise<Broker> {
    const path = childPath(BROKER_IDS, recipeName(broker.id, 'broker id'));
    try {
      await createWithParents(
        this.zk,
        ctx,
        path,
        Buffer.from(JSON.stringify({ host: broker.host, port: broker.port })),
        { mode: 'ephemeral' },
        'persistent',
      );
    } catch (err) {
      if (hasCode(err, ZkCode.NodeExists))
        throw new ZkError(ZkCode.NodeExists, path, `broker ${broker.id} is registered already`);
      throw err;
    }
    return broker;
  }

  /** The broker (its own session) serves `partitions` partitions of `topic`. */
  async publishTopic(
    ctx: ClientContext,
    brokerId: string,
    topic: string,
    partitions: number,
  ): Promise<void> {
    const broker = await dataOrNull(
      this.zk,
      ctx,
      childPath(BROKER_IDS, recipeName(brokerId, 'broker id')),
    );
    if (!broker)
      throw new ZkError(
        ZkCode.NoNode,
        childPath(BROKER_IDS, brokerId),
        `no broker ${brokerId} is registered`,
      );
    if (broker.stat.ephemeralOwner !== ctx.sessionId) {
      throw new ZkError(
        ZkCode.NoAuth,
        childPath(BROKER_IDS, brokerId),
        `broker ${brokerId} belongs to another session`,
      );
    }
    const path = childPath(this.topicDir(topic), brokerId);
    const data = Buffer.from(String(partitions));
    try {
      await createWithParents(this.zk, ctx, path, data, { mode: 'ephemeral' }, 'persistent');
    } catch (err) {
      if (!hasCode(err, ZkCode.NodeExists)) throw err;
      await this.zk.setData(ctx, path, data, -1);
    }
  }

  topicDir(topic: string): string {
    return childPath(BROKER_TOPICS, recipeName(topic, 'topic'));
  }

  /** Live partitions of a topic in producer order (broker id, then partition); watches both dirs. */
  async partitions(
    ctx: ClientContext,
    topic: string,
    watch?: OneShotWatch,
  ): Promise<Versioned<PartitionJson[]>> {
    const dir = this.topicDir(topic);
    const [topics, brokers] = await Promise.all([
      childrenOrEmpty(this.zk, ctx, dir, watch?.on(dir)),
      childrenOrEmpty(this.zk, ctx, BROKER_IDS, watch?.on(BROKER_IDS)),
    ]);
    const live = topics.children.filter((b) => brokers.children.includes(b));
    const nodes = await readMany(this.zk, ctx, [
      ...live.map((b) => childPath(dir, b)),
      ...live.map((b) => childPath(BROKER_IDS, b)),
    ]);
    let zxid = Math.max(topics.pzxid, brokers.pzxid);
    const out: PartitionJson[] = [];
    for (const brokerId of live) {
      const count = nodes.get(childPath(dir, brokerId));
      const address = nodes.get(childPath(BROKER_IDS, brokerId));
      if (!count || !address) continue;
      zxid = Math.max(zxid, count.stat.mzxid);
      const n = Number(count.data.toString('utf8'));
      const { host, port } = parseAddress(address.data);
      for (let partition = 0; Number.isInteger(n) && partition < n; partition++) {
        out.push({
          topic,
          brokerId,
          partition,
          id: partitionId({ brokerId, partition }),
          host,
          port,
        });
      }
    }
    out.sort(comparePartitions);
    return { value: out, zxid };
  }

  /** The next partition for a producer of this server, round-robin over the ordered list. */
  async next(ctx: ClientContext, topic: string): Promise<PartitionJson> {
    const { value } = await this.partitions(ctx, topic);
    if (value.length === 0)
      throw new ZkError(
        ZkCode.NoNode,
        this.topicDir(topic),
        `topic ${topic} has no live partition`,
      );
    const turn = this.turns.get(topic) ?? 0;
    this.turns.set(topic, turn + 1);
    return value[turn % value.length] as PartitionJson;
  }
}

function parseAddress(data: Buffer): { host: string; port: number } {
  try {
    const v = JSON.parse(data.toString('utf8')) as { host?: unknown; port?: unknown };
    return {
      host: typeof v.host === 'string' ? v.host : '',
      port: typeof v.port === 'number' ? v.port : 0,
    };
  } catch {
    // Kafka 0.7 wrote `creator:host:port`.
    const parts = data.toString('utf8').split(':');
    return { host: parts[parts.length - 2] ?? '', port: Number(parts[parts.length - 1]) || 0 };
  }
}
