import { spawnRecipeClient } from './support/recipes-process';
import { RecipeRest } from './support/recipes-rest';
import { recipeServerSuite } from './support/recipes-server';

const SERVICE = 'com.example.OrderService';

describe('registry and load balancing over REST', () => {
  const server = recipeServerSuite();
  const { session } = server;
  let observer: RecipeRest;

  beforeAll(async () => {
    observer = new RecipeRest(server.url);
  });

  it('registers in Dubbo layout, discovers live instances and pushes a death', async () => {
    const a = await session();
    const reg = await a.post(`/api/v1/services/${SERVICE}/instances`, {
      id: 'a',
      host: '10.0.0.1',
      port: 20880,
      weight: 3,
      metadata: { zone: 'east' },
    });
    expect(reg.status).toBe(201);
    expect(reg.body.url).toMatch(/^dubbo:\/\/10\.0\.0\.1:20880\/com\.example\.OrderService\?/);
    const dubbo = await observer.get(`/api/v1/znodes/dubbo/${SERVICE}/providers`);
    expect(dubbo.body.children).toEqual([reg.body.node]);
    expect(decodeURIComponent(reg.body.node.replace(/\+/g, ' '))).toBe(reg.body.url);

    const child = await spawnRecipeClient(server.url, 'register', {
      service: SERVICE,
      instance: { id: 'b', host: '10.0.0.2', port: 20880 },
      sessionTimeoutMs: 2000,
    });
    expect(child.ready.status).toBe(201);
    const now = (await observer.get(`/api/v1/services/${SERVICE}/instances`)).body;
    expect(now.instances.map((i: { id: string }) => i.id)).toEqual(['a', 'b']);
    const watching = observer.get(
      `/api/v1/services/${SERVICE}/instances?since=${now.zxid}&timeoutMs=10000`,
    );
    await child.kill();
    const after = (await watching).body;
    expect(after.instances.map((i: { id: string }) => i.id)).toEqual(['a']);
  });

  it('sees a worker report progress live, and consumers register too', async () => {
    const worker = await session();
    await worker.post('/api/v1/services/workers/instances', {
      id: 'w1',
      host: 'h1',
      port: 0,
      metadata: { progress: '0' },
    });
    const start = (await observer.get('/api/v1/services/workers/instances')).body;
    const watching = observer.get(
      `/api/v1/services/workers/instances?since=${start.zxid}&timeoutMs=10000`,
    );
    const upd = await worker.put('/api/v1/services/workers/instances/w1', {
      metadata: { progress: '40' },
    });
    expect(upd.body.metadata).toEqual({ progress: '40' });
    expect((await watching).body.instances[0].metadata.progress).toBe('40');
    const consumer = await session();
    const c = await consumer.post(`/api/v1/services/${SERVICE}/instances`, {
      side: 'consumers',
      id: 'c1',
      host: '10.0.0.9',
      port: 0,
    });
    expect(c.body.url).toMatch(/^consumer:\/\/10\.0\.0\.9\//);
    expect(
      (await observer.get(`/api/v1/services/${SERVICE}/instances?side=consumers`)).body.instances,
    ).toHaveLength(1);
  });

  it('discovers a provider that Dubbo itself registered', async () => {
    const url = 'dubbo://10.1.1.1:20880/com.example.Legacy?anyhost=true&side=provider&weight=7';
    const node = encodeURIComponent(url);
    const dubbo = await session();
    await dubbo.post('/api/v1/znodes/dubbo', {});
    await dubbo.post('/api/v1/znodes/dubbo/com.example.Legacy', {});
    await dubbo.post('/api/v1/znodes/dubbo/com.example.Legacy/providers', {});
    await dubbo.post(
      `/api/v1/znodes/dubbo/com.example.Legacy/providers/${encodeURIComponent(node)}`,
      {
        mode: 'ephemeral',
        data: '10.1.1.1',
      },
    );
    const found = (await observer.get('/api/v1/services/com.example.Legacy/instances')).body
      .instances;
    expect(found).toEqual([
      expect.objectContaining({ host: '10.1.1.1', port: 20880, weight: 7, status: 'UP', url }),
    ]);
  });

  it('picks instances by each strategy', async () => {
    const owners = await Promise.all([session(), session(), session()]);
    await Promise.all(
      owners.map((o, i) =>
        o.post('/api/v1/services/lb/instances', {
          id: `i${i}`,
          host: `h${i}`,
          port: 80,
          weight: i === 0 ? 4 : 1,
        }),
      ),
    );
    const pick = async (q: string) =>
      (await observer.get(`/api/v1/services/lb/pick?${q}`)).body.instance.id as string;
    const rr = [];
    for (let i = 0; i < 6; i++) rr.push(await pick('strategy=round-robin'));
    expect(new Set(rr.slice(0, 3)).size).toBe(3);
    const weighted = [];
    for (let i = 0; i < 6; i++) weighted.push(await pick('strategy=weighted'));
    expect(weighted.filter((id) => id === 'i0')).toHaveLength(4);
    const sticky = await pick('strategy=consistent-hash&key=user-42');
    expect(await pick('strategy=consistent-hash&key=user-42')).toBe(sticky);
    expect(['i0', 'i1', 'i2']).toContain(await pick('strategy=random'));
    const first = (await observer.get('/api/v1/services/lb/pick?strategy=least-outstanding')).body;
    const second = (await observer.get('/api/v1/services/lb/pick?strategy=least-outstanding')).body;
    expect(second.instance.id).not.toBe(first.instance.id);
    expect((await observer.post(`/api/v1/services/lb/picks/${first.ticket}/done`)).body).toEqual({
      counted: true,
    });
  });

  it('answers unknown services and bad registrations clearly', async () => {
    const unknown = await observer.get('/api/v1/services/com.example.Nope/instances');
    expect([unknown.status, unknown.body.error.message]).toEqual([
      404,
      expect.stringMatching(/no service named com.example.Nope/),
    ]);
    const noPick = await observer.get('/api/v1/services/com.example.Nope/pick');
    expect(noPick.status).toBe(404);
    const badStrategy = await observer.get('/api/v1/services/lb/pick?strategy=fastest');
    expect([badStrategy.status, badStrategy.body.error.message]).toEqual([
      400,
      expect.stringMatching(/strategy must be one of/),
    ]);
    const c = await session();
    const noPort = await c.post('/api/v1/services/x/instances', { host: 'h' });
    expect([noPort.status, noPort.body.error.message]).toEqual([
      400,
      expect.stringMatching(/port/),
    ]);
    const notMine = await c.put('/api/v1/services/lb/instances/i0', { status: 'DOWN' });
    expect([notMine.status, notMine.body.error.name]).toEqual([403, 'NoAuth']);
  });
});
