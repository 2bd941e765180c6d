import { comparePartitions, type Partition } from './partition';

export const ASSIGNORS = ['range', 'round-robin'] as const;
export type AssignorName = (typeof ASSIGNORS)[number];

export interface GroupMemberInfo {
  id: string;
  topics: string[];
}

/** Who owns what: member id to `topic/partitionId` keys. Every partition goes to exactly one member. */
export type Assignment = Map<string, string[]>;

export function partitionKey(p: Partition): string {
  return `${p.topic}/${p.id}`;
}

const byId = (a: GroupMemberInfo, b: GroupMemberInfo) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Kafka's range assignor: per topic, consecutive runs of partitions, the first members one more. */
export function rangeAssign(members: GroupMemberInfo[], partitions: Partition[]): Assignment {
  const out: Assignment = new Map(members.map((m) => [m.id, []]));
  const topics = [...new Set(partitions.map((p) => p.topic))].sort();
  for (const topic of topics) {
    const consumers = members.filter((m) => m.topics.includes(topic)).sort(byId);
    const parts = partitions.filter((p) => p.topic === topic).sort(comparePartitions);
    if (consumers.length === 0) continue;
    const per = Math.floor(parts.length / consumers.length);
    const extra = parts.length % consumers.length;
    consumers.forEach((m, i) => {
      const start = i * per + Math.min(i, extra);
      const count = per + (i < extra ? 1 : 0);
      out.get(m.id)?.push(...parts.slice(start, start + count).map(partitionKey));
    });
  }
  return out;
}

/** Kafka's round-robin assignor: all partitions in order, dealt to the subscribed members in turn. */
export function roundRobinAssign(members: GroupMemberInfo[], partitions: Partition[]): Assignment {
  const out: Assignment = new Map(members.map((m) => [m.id, []]));
  const sorted = [...members].sort(byId);
  let next = 0;
  for (const p of [...partitions].sort(comparePartitions)) {
    for (let tried = 0; tried < sorted.length; tried++) {
      const m = sorted[(next + tried) % sorted.length];
      if (m?.topics.includes(p.topic)) {
        out.get(m.id)?.push(partitionKey(p));
        next = (next + tried + 1) % sorted.length;
        break;
      }
    }
  }
  return out;
}

export function assign(
  name: AssignorName,
  members: GroupMemberInfo[],
  partitions: Partition[],
): Assignment {
  return name === 'range'
    ? rangeAssign(members, partitions)
    : roundRobinAssign(members, partitions);
}
