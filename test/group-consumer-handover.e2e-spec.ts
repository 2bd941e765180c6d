import type { RunningServer } from '../src/server/start-server';
import {
  spawnMember,
  type MemberEvent,
  type MemberProcess,
} from './support/group-consumer-process';
import { currentOwners, overlaps, ownershipIntervals } from './support/ownership-intervals';
import { RecipeRest } from './support/recipes-rest';
import { startRecipeServer } from './support/recipes-server';
import { removeTempDirs } from './support/temp-dir';
import { until } from './support/until';

const PARTITIONS = 12;
const SESSION_TIMEOUT_MS = 2000; // what the members ask for (group-consumer-child.ts)
const REVOKE_MS = 300; // how long each member's onRevoked takes
/** After a kill: the session timeout, the server's expiry check and one rebalance. */
const REOWN_WITHIN_MS = SESSION_TIMEOUT_MS + 1500;

describe('GroupConsumer handover under churn (6 member processes)', () => {
  let server: RunningServer;
  let broker: RecipeRest;
  const events: MemberEvent[] = [];
  const live = new Map<string, MemberProcess>();

  beforeAll(async () => {
    server = await startRecipeServer();
    broker = await new RecipeRest(server.url).open(4000);
    await broker.post('/api/v1/brokers', { id: '1', host: 'b1', port: 9092 });
    await broker.put('/api/v1/brokers/1/topics/clicks', { partitions: PARTITIONS });
  });
  afterAll(async () => {
    await Promise.all([...live.values()].map((m) => m.kill9()));
    await broker.close();
    await server.stop();
    await removeTempDirs();
  });

  const join = async (...ids: string[]) => {
    const members = await Promise.all(
      ids.map((id) => spawnMember(server.url, 'churn', id, REVOKE_MS, events)),
    );
    for (const m of members) live.set(m.id, m);
  };
  const kill9 = async (id: string) => {
    await live.get(id)?.kill9();
    live.delete(id);
  };
  const leave = async (id: string) => {
    await live.get(id)?.leave();
    live.delete(id);
  };
  /** Every partition claimed by exactly one live member. */
  const settled = () =>
    until(
      () => {
        const owners = currentOwners(ownershipIntervals(events));
        return (
          owners.size === PARTITIONS &&
          [...owners.values()].every((ids) => ids.length === 1 && live.has(ids[0] ?? ''))
        );
      },
      20_000,
      'every partition owned by one live member',
    );

  it('never lets two members claim a partition, re-owns a dead one in time and awaits onRevoked', async () => {
    await join('m1', 'm2', 'm3', 'm4', 'm5', 'm6');
    await settled();
    await kill9('m2');
    await settled();
    await leave('m3');
    await settled();
    await join('m7', 'm8');
    await settled();
    await Promise.all([kill9('m5'), leave('m1')]);
    await settled();
    await join('m9');
    await settled();

    const intervals = ownershipIntervals(events);

    expect(overlaps(intervals)).toEqual([]);

    // Each partition a killed member held was claimed again soon after the kill.
    const kills = events.filter((e) => e.ev === 'killed');
    expect(kills.map((k) => k.id).sort()).toEqual(['m2', 'm5']);
    const reownDelays = kills.flatMap((kill) =>
      intervals
        .filter((i) => i.id === kill.id && i.end === kill.t)
        .map((held) => {
          const next = intervals
            .filter((i) => i.partition === held.partition && i.start >= kill.t)
            .sort((a, b) => a.start - b.start)[0];
          return (next?.start ?? Infinity) - kill.t;
        }),
    );
    expect(reownDelays.length).toBeGreaterThan(0);
    expect(Math.max(...reownDelays)).toBeLessThanOrEqual(REOWN_WITHIN_MS);

    // A partition handed over between live members went on only after onRevoked returned.
    const handovers = intervals.flatMap((old) => {
      if (old.revokingAt === undefined) return [];
      const next = intervals
        .filter((i) => i.partition === old.partition && i.start >= old.end)
        .sort((a, b) => a.start - b.start)[0];
      return next ? [next.start - old.revokingAt] : [];
    });
    expect(handovers.length).toBeGreaterThan(0);
    expect(Math.min(...handovers)).toBeGreaterThanOrEqual(REVOKE_MS);
  }, 120_000);
});
