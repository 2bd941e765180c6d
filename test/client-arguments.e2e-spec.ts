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
  ServiceDiscovery,
  TreeCache,
  ZoonestClient,
  ZoonestError,
} from '@zoonest/client';
import type { RunningServer } from '../src/server/start-server';
import { startTestServer } from './support/test-server';
import { removeTempDirs } from './support/temp-dir';

/** What a constructor threw, as a user would inspect it. */
function thrown(construct: () => unknown): { codeName?: string; message: string } {
  try {
    construct();
  } catch (err) {
    const e = err as ZoonestError;
    expect(e).toBeInstanceOf(ZoonestError);
    return { codeName: e.codeName, message: e.message };
  }
  throw new Error('the constructor accepted it');
}

describe('client classes refuse bad input at construction', () => {
  let server: RunningServer;
  let client: ZoonestClient;
  beforeAll(async () => {
    server = await startTestServer();
    client = await ZoonestClient.connect({ servers: [server.url] });
  });
  afterAll(async () => {
    await client.close();
    await server.stop();
    await removeTempDirs();
  });

  const withPath: Array<[string, (c: ZoonestClient, path: string) => unknown]> = [
    ['InterProcessMutex', (c, p) => new InterProcessMutex(c, p)],
    ['InterProcessReadWriteLock', (c, p) => new InterProcessReadWriteLock(c, p)],
    ['InterProcessSemaphoreV2', (c, p) => new InterProcessSemaphoreV2(c, p, 2)],
    ['LeaderLatch', (c, p) => new LeaderLatch(c, p, 'me')],
    ['DistributedQueue', (c, p) => new DistributedQueue(c, p)],
    ['DistributedBarrier', (c, p) => new DistributedBarrier(c, p)],
    ['DistributedDoubleBarrier', (c, p) => new DistributedDoubleBarrier(c, p, 2)],
    ['DistributedAtomicLong', (c, p) => new DistributedAtomicLong(c, p)],
    ['NodeCache', (c, p) => new NodeCache(c, p)],
    ['TreeCache', (c, p) => new TreeCache(c, p)],
  ];

  it.each(withPath)('%s: a missing client and each malformed path', (name, construct) => {
    const missing = thrown(() => construct(undefined as unknown as ZoonestClient, '/ok'));
    expect(missing).toEqual({
      codeName: 'BadArguments',
      message: `${name}: needs a ZoonestClient (from ZoonestClient.connect) as its first argument`,
    });
    for (const [path, why] of [
      ['relative/path', 'path must start with /'],
      ['/trailing/', 'path must not end with /'],
      ['/a//b', 'path has an empty node name (//)'],
      ['/a/../b', 'path has a relative part (. or ..)'],
      ['/a\u0000b', 'path holds a character ZooKeeper refuses'],
      ['', 'path must be a non-empty string'],
    ] as const) {
      expect(thrown(() => construct(client, path))).toEqual({
        codeName: 'BadArguments',
        message: `${name}: ${why}`,
      });
    }
    expect(() => construct(client, '/zoonest/ok')).not.toThrow();
  });

  it('the classes on names and counts check them too', () => {
    const discovery = new ServiceDiscovery(client);
    expect(thrown(() => new ServiceDiscovery(null as unknown as ZoonestClient)).codeName).toBe(
      'BadArguments',
    );
    expect(thrown(() => new ConfigClient({} as ZoonestClient)).codeName).toBe('BadArguments');
    expect(thrown(() => new PartitionProducer(client, 'a/b')).message).toBe(
      'PartitionProducer: topic must be one node name (no / and no control characters)',
    );
    expect(thrown(() => new GroupConsumer(client, 'g', '', ['t'])).message).toBe(
      'GroupConsumer: id must be a non-empty string, not . or ..',
    );
    expect(
      thrown(() => new GroupConsumer(client, 'g', 'm', ['t'], { assignor: 'sticky' as 'range' }))
        .message,
    ).toBe('GroupConsumer: assignor must be one of range, round-robin');
    expect(thrown(() => new InterProcessSemaphoreV2(client, '/s', 0)).message).toBe(
      'InterProcessSemaphoreV2: maxLeases must be an integer of at least 1',
    );
    expect(thrown(() => new DistributedDoubleBarrier(client, '/b', 1.5)).message).toBe(
      'DistributedDoubleBarrier: memberQty must be an integer of at least 1',
    );
    expect(thrown(() => new LoadBalancer({} as ServiceDiscovery, 'svc')).message).toBe(
      'LoadBalancer: needs a ServiceDiscovery as its first argument',
    );
    expect(thrown(() => new LoadBalancer(discovery, 'svc', 'fastest' as 'random')).message).toBe(
      'LoadBalancer: strategy must be one of round-robin, random, weighted, least-outstanding, consistent-hash',
    );
  });
});
