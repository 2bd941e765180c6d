/** A partition of a topic on a broker, Kafka 0.7 style. */
export interface Partition {
  topic: string;
  brokerId: string;
  partition: number;
  /** `{brokerId}-{partition}`, as Kafka 0.7 named them. */
  id: string;
}

export function partitionId(p: Pick<Partition, 'brokerId' | 'partition'>): string {
  return `${p.brokerId}-${p.partition}`;
}

/** Broker ids compare as numbers when both are numbers (Kafka's are), else as text. */
export function compareBrokerIds(a: string, b: string): number {
  const na = /^\d+$/.test(a) ? Number(a) : NaN;
  const nb = /^\d+$/.test(b) ? Number(b) : NaN;
  if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The producer's order: by topic, then broker id, then partition number. */
export function comparePartitions(a: Partition, b: Partition): number {
  if (a.topic !== b.topic) return a.topic < b.topic ? -1 : 1;
  return compareBrokerIds(a.brokerId, b.brokerId) || a.partition - b.partition;
}
