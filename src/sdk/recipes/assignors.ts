import { comparePartitions, type Partition } from './partitions';

export type AssignorName = 'range' | 'round-robin';

export interface Member {
  id: string;
  topics: string[];
}

/** Member id to `topic/partitionId` keys, as the server's consumer groups compute them. */
export function assign(
  name: AssignorName,
  members: Member[],
  partitions: Partition[],
): Map<string, string[]> {
  const out = new Map<string, string[]>(members.map((m) => [m.id, []]));
  const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const key = (p: Partition) => `${p.topic}/${p.id}`;
  if (name === 'range') {
    for (const topic of [...new Set(partitions.map((p) => p.topic))].sort()) {
      const consumers = sorted.filter((m) => m.topics.includes(topic));
      const parts = partitions.filter((p) => p.topic === topic).sort(comparePartitions);
      if (consumers.length === 0) continue;
      const per = Math.floor(parts.length / consumers.length);
      const extra = parts.length % consumers.length;
      consumers.forEach((m, i) => {
        const start = i * per + Math.min(i, extra);
        out.get(m.id)?.push(...parts.slice(start, start + per + (i < extra ? 1 : 0)).map(key));
      });
    }
    return out;
  }
  let next = 0;
  for (const p of [...partitions].sort(comparePartitions)) {
    for (let tried = 0; tried < sorted.length; tried++) {
      const m = sorted[(next + tried) % sorted.length];
      if (m?.topics.includes(p.topic)) {
        out.get(m.id)?.push(key(p));
        next = (next + tried + 1) % sorted.length;
        break;
      }
    }
  }
  return out;
}
