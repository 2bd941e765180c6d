import { createHash } from 'node:crypto';

/** Virtual nodes per instance, as Dubbo's ConsistentHashLoadBalance uses. */
const REPLICAS = 160;

function hash32(text: string): number {
  return createHash('md5').update(text).digest().readUInt32BE(0);
}

/** A ketama-style ring: a key goes to the first virtual node at or after its hash. */
export class ConsistentHashRing {
  private readonly points: Array<{ at: number; id: string }> = [];

  constructor(readonly ids: readonly string[]) {
    for (const id of ids) {
      for (let r = 0; r < REPLICAS; r++) this.points.push({ at: hash32(`${id}#${r}`), id });
    }
    this.points.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  }

  pick(key: string): string | undefined {
    if (this.points.length === 0) return undefined;
    const h = hash32(key);
    let lo = 0;
    let hi = this.points.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.points[mid]?.at ?? 0) < h) lo = mid + 1;
      else hi = mid;
    }
    return (this.points[lo] ?? this.points[0])?.id;
  }
}
