import type { Watcher } from '../watched-event';
import type { ZoonestClient } from '../zoonest-client';
import {
  comparePartitions,
  partitionId,
  type Partition,
} from '@zoonest/protocol/recipes/partition';
import { childrenOrEmpty, utf8 } from './recipe-support';
import { requireClient, requireName } from './arguments';

export const BROKER_IDS = '/zoonest/brokers/ids';
export const BROKER_TOPICS = '/zoonest/brokers/topics';

/** Live partitions of a topic, by broker id then partition (the producer's order). */
export async function livePartitions(
  client: ZoonestClient,
  topic: string,
  watch?: Watcher,
): Promise<Partition[]> {
  const dir = `${BROKER_TOPICS}/${topic}`;
  const [brokers, live] = await Promise.all([
    childrenOrEmpty(client, dir, watch),
    childrenOrEmpty(client, BROKER_IDS, watch),
  ]);
  const out: Partition[] = [];
  const reads = await client.multiRead(
    brokers
      .filter((b) => live.includes(b))
      .map((b) => ({ op: 'getData' as const, path: `${dir}/${b}` })),
  );
  brokers
    .filter((b) => live.includes(b))
    .forEach((brokerId, i) => {
      const r = reads[i];
      const n = r?.op === 'getData' ? Number(utf8.decode(r.data)) : 0;
      for (let partition = 0; Number.isInteger(n) && partition < n; partition++) {
        out.push({ topic, brokerId, partition, id: partitionId({ brokerId, partition }) });
      }
    });
  return out.sort(comparePartitions);
}

/** A producer's view of a topic: the ordered live partitions, kept current, sent to in turn. */
export class PartitionProducer {
  private partitions: Partition[] = [];
  private turn = 0;
  private stopped = false;

  constructor(
    private readonly client: ZoonestClient,
    readonly topic: string,
  ) {
    requireClient('PartitionProducer', client);
    requireName('PartitionProducer', 'topic', topic);
  }

  async start(): Promise<void> {
    await this.refresh();
  }

  /** The partition the next message goes to (round-robin); undefined while there is none. */
  next(): Partition | undefined {
    const p = this.partitions[this.turn % Math.max(1, this.partitions.length)];
    this.turn++;
    return p;
  }

  get current(): readonly Partition[] {
    return this.partitions;
  }

  close(): void {
    this.stopped = true;
  }

  private async refresh(): Promise<void> {
    if (this.stopped) return;
    this.partitions = await livePartitions(
      this.client,
      this.topic,
      () => void this.refresh().catch(() => undefined),
    );
  }
}
