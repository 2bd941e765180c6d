import { ErrorCode } from '../error-code';
import { ZoonestError } from '../zoonest-error';
import { requireName, requireOneOf } from './arguments';
import { ServiceDiscovery } from './service-discovery';
import type { ServiceInstance } from '@zoonest/protocol/recipes/service-instance';

export const STRATEGIES = [
  'round-robin',
  'random',
  'weighted',
  'least-outstanding',
  'consistent-hash',
] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** FNV-1a, for the consistent-hash ring (no crypto needed on the client). */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Picks a live provider of a service from a ServiceDiscovery watch, by strategy; the counters
 * (turns, weights, calls in flight) are this client's own.
 *
 *   const lb = new LoadBalancer(discovery, 'com.foo.Demo', 'least-outstanding');
 *   await lb.start();
 *   await lb.call((instance) => fetch(`http://${instance.host}:${instance.port}/`));
 */
export class LoadBalancer {
  private instances: ServiceInstance[] = [];
  private turn = 0;
  private readonly current = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();
  private stop: () => void = () => undefined;

  constructor(
    private readonly discovery: ServiceDiscovery,
    readonly service: string,
    readonly strategy: Strategy = 'round-robin',
  ) {
    if (!(discovery instanceof ServiceDiscovery)) {
      throw new ZoonestError(
        ErrorCode.BadArguments,
        'LoadBalancer: needs a ServiceDiscovery as its first argument',
      );
    }
    requireName('LoadBalancer', 'service', service);
    requireOneOf('LoadBalancer', 'strategy', strategy, STRATEGIES);
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.stop = this.discovery.watch(this.service, (instances) => {
        this.instances = instances.filter((i) => i.status === 'UP');
        resolve();
      });
    });
  }

  close(): void {
    this.stop();
  }

  pick(key?: string): ServiceInstance | undefined {
    const live = this.instances;
    if (live.length === 0) return undefined;
    switch (this.strategy) {
      case 'random':
        return live[Math.floor(Math.random() * live.length)];
      case 'round-robin':
        return live[this.turn++ % live.length];
      case 'weighted': {
        let total = 0;
        let best: ServiceInstance | undefined;
        for (const i of live) {
          total += i.weight;
          const score = (this.current.get(i.id) ?? 0) + i.weight;
          this.current.set(i.id, score);
          if (!best || score > (this.current.get(best.id) ?? 0)) best = i;
        }
        if (best) this.current.set(best.id, (this.current.get(best.id) ?? 0) - total);
        return best;
      }
      case 'least-outstanding': {
        const load = (i: ServiceInstance) => this.inFlight.get(i.id) ?? 0;
        const min = Math.min(...live.map(load));
        const idle = live.filter((i) => load(i) === min);
        return idle[this.turn++ % idle.length];
      }
      case 'consistent-hash': {
        const h = hash32(key ?? '');
        let best: ServiceInstance | undefined;
        let bestAt = Number.POSITIVE_INFINITY;
        for (const i of live) {
          for (let r = 0; r < 160; r++) {
            const at = (hash32(`${i.id}#${r}`) - h + 0x1_0000_0000) % 0x1_0000_0000;
            if (at < bestAt) {
              bestAt = at;
              best = i;
            }
          }
        }
        return best;
      }
    }
  }

  /** Runs `fn` on a picked instance, counting it in flight meanwhile (for least-outstanding). */
  async call<T>(fn: (instance: ServiceInstance) => Promise<T>, key?: string): Promise<T> {
    const instance = this.pick(key);
    if (!instance) throw new Error(`no live instance of ${this.service}`);
    this.inFlight.set(instance.id, (this.inFlight.get(instance.id) ?? 0) + 1);
    try {
      return await fn(instance);
    } finally {
      this.inFlight.set(instance.id, (this.inFlight.get(instance.id) ?? 1) - 1);
    }
  }
}
