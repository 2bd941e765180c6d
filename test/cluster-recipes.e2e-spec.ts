import { DistributedQueue, InterProcessMutex, ZoonestClient } from '@zoonest/client';
import { startCluster, type Cluster } from './support/cluster';
import { removeTempDirs } from './support/temp-dir';

/** Recipes whose participants sit on different replicas behave exactly as on one server. */
describe('recipes across the replicas of a cluster', () => {
  let cluster: Cluster;
  let clients: ZoonestClient[] = [];

  beforeAll(async () => {
    cluster = await startCluster(3);
    clients = await Promise.all(
      cluster.replicas.flatMap((r) =>
        [0, 1].map(() => ZoonestClient.connect({ servers: [r.url] })),
      ),
    );
  }, 90_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await cluster?.stop();
    await removeTempDirs();
  }, 30_000);

  it('lets one holder at a time through a mutex, with strictly increasing fencing tokens', async () => {
    const tokens: number[] = [];
    let inside = 0;
    let overlaps = 0;
    await Promise.all(
      clients.map(async (client) => {
        const mutex = new InterProcessMutex(client, '/zoonest/locks/cluster');
        for (let round = 0; round < 3; round++) {
          expect(await mutex.acquire({ timeoutMs: 20_000 })).toBe(true);
          inside += 1;
          if (inside > 1) overlaps += 1;
          tokens.push(mutex.token!);
          await new Promise((r) => setTimeout(r, 5));
          inside -= 1;
          await mutex.release();
        }
      }),
    );
    expect(overlaps).toBe(0);
    expect(tokens).toHaveLength(clients.length * 3);
    expect([...tokens].sort((a, b) => a - b)).toEqual(tokens);
    expect(new Set(tokens).size).toBe(tokens.length);
  }, 60_000);

  it('hands each queued item to exactly one consumer, whatever replica it takes through', async () => {
    const producer = new DistributedQueue(clients[0]!, '/zoonest/queues/cluster');
    for (let i = 0; i < 60; i++) await producer.put(`item-${i}`);
    const taken: string[] = [];
    await Promise.all(
      clients.map(async (client) => {
        const queue = new DistributedQueue(client, '/zoonest/queues/cluster');
        for (;;) {
          const item = await queue.take({ timeoutMs: 300 });
          if (!item) return;
          taken.push(Buffer.from(item).toString());
        }
      }),
    );
    expect([...taken].sort()).toEqual(Array.from({ length: 60 }, (_, i) => `item-${i}`).sort());
  }, 60_000);
});
