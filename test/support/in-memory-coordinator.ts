import { randomBytes } from 'node:crypto';
import { Coordinator, type CoordinatorDeps } from '../../src/core/coordinator';
import type { ClientContext } from '../../src/core/coordinator-types';
import { InMemoryTxnStore } from '../../src/core/in-memory-txn-store';
import type { CoreLimits } from '../../src/core/limits';

/** Limits for specs that test no limit. */
export const SPEC_LIMITS: CoreLimits = {
  juteMaxBuffer: 1024,
  minSessionTimeoutMs: 4000,
  maxSessionTimeoutMs: 40000,
  maxPendingWrites: 1000,
};

/** A coordinator for unit specs: an in-memory store, the real clock, and these limits. */
export function inMemoryCoordinator(
  limits: CoreLimits,
  deps: Partial<CoordinatorDeps> = {},
): Promise<Coordinator> {
  return Coordinator.open({
    store: new InMemoryTxnStore(),
    clock: { now: () => Date.now() },
    entropy: { randomBytes },
    scheduler: { defer: (fn) => setImmediate(fn) },
    elapsed: () => performance.now(),
    limits,
    ...deps,
  });
}

/** A session of a ZooKeeper-protocol client on 127.0.0.1, as calls of that client carry it. */
export async function zookeeperSession(zk: Coordinator, timeoutMs = 5000): Promise<ClientContext> {
  const origin = { transport: 'zookeeper', remoteAddress: '127.0.0.1' };
  const s = await zk.openSession(timeoutMs, origin);
  return { sessionId: s.sessionId, remoteAddress: origin.remoteAddress };
}
