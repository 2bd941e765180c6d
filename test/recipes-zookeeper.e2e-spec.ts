import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../src/server/start-server';
import { RecipeRest } from './support/recipes-rest';
import { startRecipeServer } from './support/recipes-server';
import { until } from './support/until';
import { removeTempDirs } from './support/temp-dir';
import {
  closeZkClients,
  connectZk,
  nzk,
  watchOnce,
  type ZkTestClient,
} from './support/zookeeper-client';

/** Curator's ItemSerializer bytes for one item. */
function curatorItem(text: string): Buffer {
  const body = Buffer.from(text);
  const head = Buffer.alloc(9);
  head.writeInt32BE(0x00010001, 0);
  head.writeUInt8(1, 4);
  head.writeInt32BE(body.length, 5);
  return Buffer.concat([head, body, Buffer.from([2])]);
}

/**
 * A ZooKeeper-protocol client doing what Curator's recipes do (same node names, same bytes),
 * against the recipe modules over REST: both sides must see one lock, leader, queue, registry.
 */
describe('recipes shared with ZooKeeper clients', () => {
  let server: RunningServer;
  let zk: ZkTestClient;
  let rest: RecipeRest;

  const mkdirs = async (path: string) => {
    let at = '';
    for (const name of path.split('/').filter(Boolean)) {
      at += `/${name}`;
      await zk.create(at).catch(() => undefined);
    }
  };

  beforeAll(async () => {
    server = await startRecipeServer();
    zk = await connectZk(`127.0.0.1:${server.zkPort}`, { sessionTimeout: 2000 });
    rest = await new RecipeRest(server.url).open();
  });

  afterAll(async () => {
    await rest.close();
    await closeZkClients();
    await server.stop();
    await removeTempDirs();
  });

  it('shares an InterProcessMutex lock: a Curator-style node holds, the module waits its turn', async () => {
    await mkdirs('/zoonest/locks/zk');
    const ours = await zk.create(`/zoonest/locks/zk/_c_${randomUUID()}-lock-`, '10.0.0.1', {
      mode: nzk.CreateMode.EPHEMERAL_SEQUENTIAL,
    });
    expect((await rest.post('/api/v1/locks/zk/acquire', { timeoutMs: 50 })).body.acquired).toBe(
      false,
    );
    expect((await rest.get('/api/v1/locks/zk')).body.holder.node).toBe(ours.split('/').pop());
    const waiting = rest.post('/api/v1/locks/zk/acquire', { timeoutMs: 5000 });
    await until(async () => (await zk.getChildren('/zoonest/locks/zk')).children.length === 2);
    // The Curator side sorts by sequence and sees the module's node second, watching ours.
    const names = (await zk.getChildren('/zoonest/locks/zk')).children;
    const seq = (n: string) => n.slice(n.lastIndexOf('lock-') + 5);
    expect(names.sort((x, y) => seq(x).localeCompare(seq(y)))[0]).toBe(ours.split('/').pop());
    await zk.remove(ours);
    expect((await waiting).body.acquired).toBe(true);
  });

  it('shares a LeaderLatch election', async () => {
    await mkdirs('/zoonest/elections/zk/leader');
    await zk.create(`/zoonest/elections/zk/leader/_c_${randomUUID()}-latch-`, 'java-node', {
      mode: nzk.CreateMode.EPHEMERAL_SEQUENTIAL,
    });
    const campaign = await rest.post('/api/v1/elections/zk/candidates', { id: 'ts-node' });
    expect(campaign.body.leader).toBe(false);
    const state = (await rest.get('/api/v1/elections/zk')).body;
    expect(state.candidates.map((c: { id: string }) => c.id)).toEqual(['java-node', 'ts-node']);
  });

  it('shares a DistributedQueue in Curator item format, with its lockPath', async () => {
    await mkdirs('/zoonest/queues/zq/items');
    await zk.create('/zoonest/queues/zq/items/queue-', curatorItem('from-curator'), {
      mode: nzk.CreateMode.PERSISTENT_SEQUENTIAL,
    });
    expect((await rest.post('/api/v1/queues/zq/take', { timeoutMs: 1000 })).body.item.data).toBe(
      'from-curator',
    );
    const put = await rest.post('/api/v1/queues/zq/items', { data: 'from-zoonest' });
    const raw = await zk.getData(`/zoonest/queues/zq/items/${put.body.id}`);
    expect(raw.data).toEqual(curatorItem('from-zoonest'));
    // A Curator consumer with lockPath holds the item: the module leaves it alone.
    await mkdirs('/zoonest/queues/zq/locks');
    await zk.create(`/zoonest/queues/zq/locks/${put.body.id}`, null, {
      mode: nzk.CreateMode.EPHEMERAL,
    });
    expect((await rest.post('/api/v1/queues/zq/poll')).body.item).toBeNull();
  });

  it('shares the Dubbo registry, and a dead Dubbo provider leaves it', async () => {
    const provider = await connectZk(`127.0.0.1:${server.zkPort}`, { sessionTimeout: 2000 });
    await mkdirs('/dubbo/com.example.Zk/providers');
    const url = 'dubbo://10.2.2.2:20880/com.example.Zk?anyhost=true&side=provider';
    await provider.create(
      `/dubbo/com.example.Zk/providers/${encodeURIComponent(url)}`,
      '10.2.2.2',
      {
        mode: nzk.CreateMode.EPHEMERAL,
      },
    );
    const seen = (await rest.get('/api/v1/services/com.example.Zk/instances')).body;
    expect(seen.instances).toEqual([
      expect.objectContaining({ host: '10.2.2.2', port: 20880, url }),
    ]);
    const watching = rest.get(
      `/api/v1/services/com.example.Zk/instances?since=${seen.zxid}&timeoutMs=10000`,
    );
    await provider.close();
    expect((await watching).body.instances).toEqual([]);
  });

  it('shares config nodes: a plain setData is pushed to subscribers, a publish fires ZooKeeper watches', async () => {
    const k = '/api/v1/config/public/DEFAULT_GROUP/zk.txt';
    await rest.put(k, { content: 'one' });
    const first = (await rest.get(k)).body;
    const watching = rest.get(`${k}?since=${first.zxid}&timeoutMs=5000`);
    await zk.setData('/zoonest/config/public/DEFAULT_GROUP/zk.txt', 'two');
    expect((await watching).body).toMatchObject({ content: 'two', version: 1, format: 'text' });
    const { watcher, event } = watchOnce();
    await zk.getData('/zoonest/config/public/DEFAULT_GROUP/zk.txt', watcher);
    await rest.put(k, { content: 'three' });
    expect((await event).name).toBe('NODE_DATA_CHANGED');
  });
});
