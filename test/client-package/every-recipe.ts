/**
 * A user's program on the installed `@zoonest/client`: every recipe once, against the server
 * named on the command line; prints `ok` at the end. The package test type-checks and runs it
 * outside the repository.
 */
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
  NodeCache,
  PartitionProducer,
  RecipePaths,
  ServiceDiscovery,
  TreeCache,
  ZoonestClient,
  isZoonestError,
  type ServiceInstance,
} from '@zoonest/client';

function check(what: string, holds: boolean): void {
  if (!holds) throw new Error(`${what} did not hold`);
}

async function main(url: string): Promise<void> {
  const client = await ZoonestClient.connect({ servers: [url], sessionTimeoutMs: 5000 });

  const mutex = new InterProcessMutex(client, RecipePaths.lock('pkg'));
  check('mutex', await mutex.withLock(async () => mutex.isAcquiredInThisProcess()));
  const rw = new InterProcessReadWriteLock(client, RecipePaths.rwLock('pkg'));
  const read = rw.readLock();
  check('read lock', await read.acquire({ timeoutMs: 5000 }));
  await read.release();
  const semaphore = new InterProcessSemaphoreV2(client, RecipePaths.semaphore('pkg'), 2);
  const lease = await semaphore.acquire({ timeoutMs: 5000 });
  check('lease', lease !== null);
  await lease?.close();

  const latch = new LeaderLatch(client, RecipePaths.leaderLatch('pkg'), 'only');
  await latch.start();
  check('leader', await latch.await({ timeoutMs: 5000 }));
  await latch.close();

  const queue = new DistributedQueue(client, RecipePaths.queue('pkg'));
  await queue.put('job');
  const job = await queue.take({ timeoutMs: 5000 });
  check('queue', job !== null && new TextDecoder().decode(job) === 'job');

  const barrier = new DistributedBarrier(client, RecipePaths.barrier('pkg'));
  await barrier.setBarrier();
  await barrier.removeBarrier();
  check('barrier', await barrier.waitOnBarrier({ timeoutMs: 1000 }));
  const double = new DistributedDoubleBarrier(client, RecipePaths.doubleBarrier('pkg'), 1);
  check('enter', await double.enter({ timeoutMs: 5000 }));
  check('leave', await double.leave({ timeoutMs: 5000 }));
  const counter = new DistributedAtomicLong(client, RecipePaths.counter('pkg'));
  check('counter', (await counter.increment()).succeeded);

  const discovery = new ServiceDiscovery(client);
  await discovery.registerService('com.example.Pkg', { host: '127.0.0.1', port: 20880 });
  const balancer = new LoadBalancer(discovery, 'com.example.Pkg', 'round-robin');
  await balancer.start();
  const picked: ServiceInstance | undefined = balancer.pick();
  check('pick', picked?.port === 20880);
  balancer.close();

  const producer = new PartitionProducer(client, 'pkg-topic');
  await producer.start();
  check('no partitions yet', producer.next() === undefined);
  producer.close();
  const consumer = new GroupConsumer(client, 'pkg-group', 'c1', ['pkg-topic'], {
    onRevoked: async () => undefined,
  });
  await consumer.start();
  await consumer.close();

  const config = new ConfigClient(client);
  await config.publish({ key: 'pkg' }, '{"level":1}', { format: 'json' });
  check('config', (await config.get({ key: 'pkg' }))?.content === '{"level":1}');

  const node = new NodeCache(client, RecipePaths.config('public', 'DEFAULT_GROUP', 'pkg'));
  await node.start();
  check('node cache', node.getCurrentData() !== undefined);
  await node.close();
  const tree = new TreeCache(client, '/zoonest/config');
  await tree.start();
  await tree.close();

  try {
    await client.getData('/pkg-missing');
  } catch (err) {
    check('NoNode', isZoonestError(err, 'NoNode'));
  }
  await client.close();
  console.log('ok');
}

main(process.argv[2] ?? 'http://127.0.0.1:8080').catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
