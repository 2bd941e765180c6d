import { randomInt, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ClientContext } from '../../core/coordinator-types';
import { ZkCode } from '../../core/zk-code';
import { ZkError } from '../../core/zk-error';
import { RegistryService } from '../registry/registry.service';
import type { ServiceInstance } from '../registry/service-instance';
import { ConsistentHashRing } from './consistent-hash-ring';
import { leastOutstanding, smoothWeighted, type PickStrategy } from './pick-strategy';

/** A least-outstanding pick not reported done within this long stops counting. */
const TICKET_TTL_MS = 5 * 60_000;

interface Ticket {
  service: string;
  instance: string;
  expires: number;
}

export interface Pick {
  instance: ServiceInstance;
  /** For least-outstanding: report the call done with it. */
  ticket?: string;
}

/**
 * Picks a live provider of a service. The counters behind round-robin, weighted and
 * least-outstanding live in this server; a client that wants them across servers uses the SDK's
 * balancer, which keeps its own.
 */
@Injectable()
export class BalancerService {
  private readonly turns = new Map<string, number>();
  private readonly weights = new Map<string, Map<string, number>>();
  private readonly rings = new Map<string, ConsistentHashRing>();
  private readonly tickets = new Map<string, Ticket>();

  constructor(private readonly registry: RegistryService) {}

  async pick(
    ctx: ClientContext,
    service: string,
    strategy: PickStrategy,
    key?: string,
  ): Promise<Pick> {
    const { value } = await this.registry.instances(ctx, service, 'providers');
    const live = value.filter((i) => i.status === 'UP');
    if (live.length === 0) {
      throw new ZkError(
        ZkCode.NoNode,
        this.registry.sideDir(service, 'providers'),
        `no live instance of ${service}`,
      );
    }
    const chosen = this.choose(service, live, strategy, key);
    if (strategy !== 'least-outstanding') return { instance: chosen };
    const ticket = randomUUID();
    this.tickets.set(ticket, { service, instance: chosen.id, expires: Date.now() + TICKET_TTL_MS });
    return { instance: chosen, ticket };
  }

  /** The call a least-outstanding pick was for has ended. */
  done(ticket: string): boolean {
    return this.tickets.delete(ticket);
  }

  private choose(
    service: string,
    live: ServiceInstance[],
    strategy: PickStrategy,
    key?: string,
  ): ServiceInstance {
    const first = live[0] as ServiceInstance;
    switch (strategy) {
      case 'random':
        return live[randomInt(live.length)] ?? first;
      case 'round-robin':
        return live[this.turn(service) % live.length] ?? first;
      case 'weighted': {
        let state = this.weights.get(service);
        if (!state) this.weights.set(service, (state = new Map<string, number>()));
        return smoothWeighted(live, state) ?? first;
      }
      case 'least-outstanding': {
        const counts = this.outstanding(service);
        return leastOutstanding(live, (id) => counts.get(id) ?? 0, this.turn(service)) ?? first;
      }
      case 'consistent-hash': {
        if (key === undefined) throw ZkError.badArguments('consistent-hash needs a key');
        const ids = live.map((i) => i.id);
        let ring = this.rings.get(service);
        if (!ring || ring.ids.join('\n') !== ids.join('\n'))
          this.rings.set(service, (ring = new ConsistentHashRing(ids)));
        const id = ring.pick(key);
        return live.find((i) => i.id === id) ?? first;
      }
    }
  }

  private turn(service: string): number {
    const n = this.turns.get(service) ?? 0;
    this.turns.set(service, n + 1);
    return n;
  }

  private outstanding(service: string): Map<string, number> {
    const now = Date.now();
    const counts = new Map<string, number>();
    for (const [id, t] of this.tickets) {
      if (t.expires <= now) this.tickets.delete(id);
      else if (t.service === service) counts.set(t.instance, (counts.get(t.instance) ?? 0) + 1);
    }
    return counts;
  }
}
