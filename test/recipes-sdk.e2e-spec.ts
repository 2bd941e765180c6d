import type { RunningServer } from '../src/server/start-server';
import {
  ConfigClient,
  DistributedAtomicLong,
  DistributedBarrier,
  DistributedDoubleBarrier,
  DistributedQueue,
  GroupConsumer,
  InterProcessMutex,
  InterProcessReadWriteLock,
  InterProcessSemaphoreV2,
  LeaderLatch,
  LoadBalancer,
  PartitionProducer,
  RecipePaths,
  ServiceDiscovery,
  type ServiceInstance,
  ZoonestClient,
} from '@zoonest/client';
import { RecipeRest } from './support/recipes-rest';
import { startRecipeServer } from './support/recipes-server';
import { until } from './support/until';
import { removeTempDirs } from './support/temp-dir';

describe('SDK recipes, sharing znodes with the REST modules', () => {
  let server: RunningServer;
  const clients: ZoonestClient[] = [];
  const rests: RecipeRest[] = [];
  const sdk = async () => {
    const c = await ZoonestClient.connect({ servers: [server.url], sessionTimeoutMs: 4000 });
    clients.push(c);
    return c;
  };
  const rest = async () => {
    const r = await new RecipeRest(server.url).open();
    rests.push(r);
    return r;
  };

  beforeAll(async () => {
    server = await startRecipeServer();
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all(rests.map((r) => r.close()));
    await server.stop();
    await removeTempDirs();
  });

  it('InterProcessMutex and the REST lock exclude each other on one lock', async () => {
    const [c, r] = await Promise.all([sdk(), rest()]);
    const held = await r.post('/api/v1/locks/shared/acquire', {});
    const mutex = new InterProcessMutex(c, RecipePaths.lock('shared'));
    expect(await mutex.acquire({ timeoutMs: 100 })).toBe(false);
    const waiting = mutex.acquire({ timeoutMs: 10_000 });
    await until(async () => (await r.get('/api/v1/locks/shared')).body.waiters.length === 1);
    await r.post('/api/v1/locks/shared/release', { node: held.body.node });
    expect(await waiting).toBe(true);
    const state = (await r.get('/api/v1/locks/shared')).body;
    expect([state.holder.node, state.holder.token]).toEqual([
      mutex.lockPath?.split('/').pop(),
      mutex.token,
    ]);
    expect(mutex.token).toBeGreaterThan(held.body.token);
    const fenced = await r.post('/api/v1/locks/shared/guarded-writes', {
      token: mutex.token,
      ops: [{ op: 'create', path: '/sdk-fenced' }],
    });
    expect(fenced.status).toBe(200);
    await mutex.release();
    expect((await r.get('/api/v1/locks/shared')).body.holder).toBeNull();
  });

  it('read-write lock and semaphore interoperate with the REST modules', async () => {
    const [c, r] = await Promise.all([sdk(), rest()]);
    const rw = new InterProcessReadWriteLock(c, RecipePaths.rwLock('doc'));
    const reader = rw.readLock();
    expect(await reader.acquire({ timeoutMs: 0 })).toBe(true);
    expect(
      (await r.post('/api/v1/rwlocks/doc/acquire', { mode: 'read', timeoutMs: 0 })).body.acquired,
    ).toBe(true);
    expect(
      (await r.post('/api/v1/rwlocks/doc/acquire', { mode: 'write', timeoutMs: 50 })).body.acquired,
    ).toBe(false);
    await reader.release();
    await r.put('/api/v1/semaphores/pool', { maxLeases: 1 });
    const sem = new InterProcessSemaphoreV2(c, RecipePaths.semaphore('pool'), 1);
    const lease = await sem.acquire({ timeoutMs: 1000 });
    expect(lease?.node.path).toMatch(/\/leases\/_c_[0-9a-f-]{36}-lease-\d{10}$/);
    expect((await r.post('/api/v1/semaphores/pool/acquire', { timeoutMs: 50 })).body.acquired).toBe(
      false,
    );
    await lease?.close();
    expect(
      (await r.post('/api/v1/semaphores/pool/acquire', { timeoutMs: 1000 })).body.acquired,
    ).toBe(true);
  });

  it('LeaderLatch elects among SDK and REST candidates alike', async () => {
    const [c1, c2, r] = await Promise.all([sdk(), sdk(), rest()]);
    const path = RecipePaths.leaderLatch('mixed');
    const a = new LeaderLatch(c1, path, 'sdk-a');
    await a.start();
    const viaRest = await r.post('/api/v1/elections/mixed/candidates', { id: 'rest-b' });
    const c = new LeaderLatch(c2, path, 'sdk-c');
    await c.start();
    expect([a.hasLeadership(), viaRest.body.leader, c.hasLeadership()]).toEqual([
      true,
      false,
      false,
    ]);
    expect((await c.getParticipants()).map((p) => p.id)).toEqual(['sdk-a', 'rest-b', 'sdk-c']);
    await a.close();
    await until(
      async () => (await r.get('/api/v1/elections/mixed/leader')).body.leader?.id === 'rest-b',
    );
    await r.delete(`/api/v1/elections/mixed/candidates/${viaRest.body.node}`);
    expect(await c.await({ timeoutMs: 5000 })).toBe(true);
  });

  it('DistributedQueue items are taken by either side, with acks', async () => {
    const [c, r] = await Promise.all([sdk(), rest()]);
    const q = new DistributedQueue(c, RecipePaths.queue('mixed'));
    await q.put('from-sdk');
    expect((await r.post('/api/v1/queues/mixed/take', { timeoutMs: 1000 })).body.item.data).toBe(
      'from-sdk',
    );
    const taking = q.take({ timeoutMs: 5000 });
    await r.post('/api/v1/queues/mixed/items', { data: 'from-rest' });
    expect(new TextDecoder().decode((await taking) ?? new Uint8Array())).toBe('from-rest');
    await q.put('held');
    const held = await q.takeWithAck({ timeoutMs: 0 });
    expect((await r.post('/api/v1/queues/mixed/poll')).body.item).toBeNull();
    await held?.release();
    expect(new TextDecoder().decode((await q.peek()) ?? new Uint8Array())).toBe('held');
    const again = await q.takeWithAck({ timeoutMs: 0 });
    await again?.ack();
    expect(await q.size()).toBe(0);
  });

  it('ServiceDiscovery, LoadBalancer and the REST registry see the same instances', async () => {
    const [c, r] = await Promise.all([sdk(), rest()]);
    const discovery = new ServiceDiscovery(c);
    await discovery.registerService('com.example.Mixed', {
      id: 'sdk-1',
      host: '10.0.0.1',
      port: 1,
    });
    await r.post('/api/v1/services/com.example.Mixed/instances', {
      id: 'rest-2',
      host: '10.0.0.2',
      port: 2,
    });
    const seen: ServiceInstance[][] = [];
    const stop = discovery.watch('com.example.Mixed', (i) => seen.push(i));
    await until(() => seen.at(-1)?.length === 2);
    expect(
      (await r.get('/api/v1/services/com.example.Mixed/instances')).body.instances.map(
        (i: { id: string }) => i.id,
      ),
    ).toEqual(['rest-2', 'sdk-1']);
    await discovery.updateService('com.example.Mixed', 'sdk-1', { metadata: { progress: '50' } });
    await until(() => seen.at(-1)?.find((i) => i.id === 'sdk-1')?.metadata.progress === '50');
    const lb = new LoadBalancer(discovery, 'com.example.Mixed', 'round-robin');
    await lb.start();
    const picks = [lb.pick()?.id, lb.pick()?.id].sort();
    expect(picks).toEqual(['rest-2', 'sdk-1']);
    lb.close();
    stop();
  });

  it('ConfigClient publishes and watches the keys the REST config center serves', async () => {
    const [c, r] = await Promise.all([sdk(), rest()]);
    const config = new ConfigClient(c);
    const k = { namespace: 'prod', group: 'web', key: 'app.json' };
    expect(await config.publish(k, '{"a":1}', { format: 'json' })).toBe(0);
    expect((await r.get('/api/v1/config/prod/web/app.json')).body).toMatchObject({
      format: 'json',
      version: 0,
    });
    const seen: Array<string | undefined> = [];
    const stop = config.watch(k, (v) => seen.push(v?.content));
    await until(() => seen.length === 1);
    await r.put('/api/v1/config/prod/web/app.json', {
      content: '{"a":2}',
      format: 'json',
      expectedVersion: 0,
    });
    await until(() => seen.at(-1) === '{"a":2}');
    expect((await config.get(k))?.format).toBe('json');
    expect((await r.get('/api/v1/config/prod/web/app.json/history')).body.history).toHaveLength(2);
    stop();
  });

  it('barriers and the atomic long interoperate', async () => {
    const [c1, c2, r] = await Promise.all([sdk(), sdk(), rest()]);
    const barrier = new DistributedBarrier(c1, RecipePaths.barrier('go'));
    await barrier.setBarrier();
    const waiting = barrier.waitOnBarrier({ timeoutMs: 5000 });
    await r.delete('/api/v1/barriers/go');
    expect(await waiting).toBe(true);
    const d1 = new DistributedDoubleBarrier(c1, RecipePaths.doubleBarrier('dd'), 2);
    const d2 = new DistributedDoubleBarrier(c2, RecipePaths.doubleBarrier('dd'), 2);
    expect(
      await Promise.all([d1.enter({ timeoutMs: 5000 }), d2.enter({ timeoutMs: 5000 })]),
    ).toEqual([true, true]);
    expect(
      await Promise.all([d1.leave({ timeoutMs: 5000 }), d2.leave({ timeoutMs: 5000 })]),
    ).toEqual([true, true]);
    const n = new DistributedAtomicLong(c1, RecipePaths.counter('n'));
    await Promise.all(Array.from({ length: 10 }, () => n.increment()));
    await r.post('/api/v1/counters/n/add', { delta: 5 });
    expect(await n.get()).toBe(15n);
  });

  it('GroupConsumer and REST members split the partitions, each owned once', async () => {
    const [c, broker, member] = await Promise.all([sdk(), rest(), rest()]);
    await broker.post('/api/v1/brokers', { id: '1', host: 'b1', port: 9092 });
    await broker.put('/api/v1/brokers/1/topics/clicks', { partitions: 4 });
    const producer = new PartitionProducer(c, 'clicks');
    await producer.start();
    expect([0, 1, 2, 3, 4].map(() => producer.next()?.id)).toEqual([
      '1-0',
      '1-1',
      '1-2',
      '1-3',
      '1-0',
    ]);
    const consumer = new GroupConsumer(c, 'mixed', 'a-sdk', ['clicks']);
    await consumer.start();
    await member.post('/api/v1/consumer-groups/mixed/members', {
      id: 'b-rest',
      topics: ['clicks'],
    });
    await until(async () => {
      const owners = (await member.get('/api/v1/consumer-groups/mixed')).body.owners.clicks ?? {};
      return Object.values(owners).sort().join() === 'a-sdk,a-sdk,b-rest,b-rest';
    });
    await until(() => consumer.assignment.join() === 'clicks/1-0,clicks/1-1');
    await consumer.close();
    await until(
      async () =>
        Object.keys(
          (await member.get('/api/v1/consumer-groups/mixed/members/b-rest/assignment')).body.owned,
        ).length === 4,
    );
    producer.close();
  });
});
