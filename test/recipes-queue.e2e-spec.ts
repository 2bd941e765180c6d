import { spawnRecipeClient } from './support/recipes-process';
import { RecipeRest } from './support/recipes-rest';
import { recipeServerSuite } from './support/recipes-server';
import { until } from './support/until';

describe('distributed queue over REST', () => {
  const server = recipeServerSuite();
  const { session } = server;

  it('hands every element to exactly one of many consumers, none lost, FIFO per producer', async () => {
    const producers = await Promise.all(Array.from({ length: 4 }, () => session()));
    const consumers = await Promise.all(Array.from({ length: 5 }, () => session()));
    const perProducer = 40;
    const taken: string[] = [];
    let stop = false;
    const consuming = consumers.map(async (c) => {
      const mine: string[] = [];
      while (!stop) {
        const r = await c.post('/api/v1/queues/jobs/take', { timeoutMs: 300 });
        if (r.body.item) mine.push(r.body.item.data);
      }
      taken.push(...mine);
      return mine;
    });
    await Promise.all(
      producers.map(async (p, pi) => {
        for (let i = 0; i < perProducer; i++) {
          expect((await p.post('/api/v1/queues/jobs/items', { data: `${pi}:${i}` })).status).toBe(
            201,
          );
        }
      }),
    );
    await until(
      async () => (await producers[0]!.get('/api/v1/queues/jobs')).body.size === 0,
      20_000,
    );
    stop = true;
    const perConsumer = await Promise.all(consuming);
    expect(taken.length).toBe(4 * perProducer);
    expect(new Set(taken).size).toBe(4 * perProducer);
    // Each consumer saw each producer's items in the order they were put.
    for (const mine of perConsumer) {
      for (let pi = 0; pi < 4; pi++) {
        const seq = mine.filter((d) => d.startsWith(`${pi}:`)).map((d) => Number(d.split(':')[1]));
        expect(seq).toEqual([...seq].sort((a, b) => a - b));
      }
    }
  });

  it('blocks a take until an item comes, peeks, polls and counts', async () => {
    const c = await session();
    expect((await c.post('/api/v1/queues/q2/poll')).body).toEqual({ item: null });
    const waiting = c.post('/api/v1/queues/q2/take', { timeoutMs: 10_000 });
    await new Promise((r) => setTimeout(r, 100));
    await c.post('/api/v1/queues/q2/items', { data: 'first' });
    expect((await waiting).body.item).toMatchObject({
      id: 'queue-0000000000',
      data: 'first',
      pendingAck: false,
    });
    await c.post('/api/v1/queues/q2/items', { data: 'aGk=', encoding: 'base64' });
    expect((await c.get('/api/v1/queues/q2/peek')).body.item.data).toBe('hi');
    expect((await c.get('/api/v1/queues/q2')).body).toMatchObject({ size: 1, pendingAck: 0 });
    expect((await c.post('/api/v1/queues/q2/take', { timeoutMs: 50 })).body.item.data).toBe('hi');
    expect((await c.post('/api/v1/queues/q2/take', { timeoutMs: 50 })).body).toEqual({
      item: null,
    });
    // Items are in Curator's ItemSerializer format, so Curator consumers read them.
    const put = await c.post('/api/v1/queues/q2/items', { data: 'x' });
    const raw = await c.get(
      `/api/v1/znodes/zoonest/queues/q2/items/${put.body.id}?encoding=base64`,
    );
    expect(Buffer.from(raw.body.data, 'base64').toString('hex')).toBe(
      '00010001010000000178' + '02',
    );
  });

  it('gives an unacked item back when its consumer is SIGKILLed, and keeps acked ones gone', async () => {
    const c = await session();
    await c.post('/api/v1/queues/acked/items', { data: 'job-1' });
    await c.post('/api/v1/queues/acked/items', { data: 'job-2' });
    const held = await c.post('/api/v1/queues/acked/take', { ack: true, timeoutMs: 0 });
    expect(held.body.item).toMatchObject({ data: 'job-1', pendingAck: true });
    // Another consumer cannot take a held item.
    const other = await session();
    const next = await other.post('/api/v1/queues/acked/take', { timeoutMs: 0 });
    expect(next.body.item.data).toBe('job-2');
    expect((await other.post(`/api/v1/queues/acked/items/${held.body.item.id}/ack`)).status).toBe(
      403,
    );
    expect((await c.post(`/api/v1/queues/acked/items/${held.body.item.id}/ack`)).status).toBe(204);
    expect((await c.get('/api/v1/queues/acked')).body).toMatchObject({ size: 0, pendingAck: 0 });

    await c.post('/api/v1/queues/acked/items', { data: 'job-3' });
    const child = await spawnRecipeClient(server.url, 'take-ack', {
      name: 'acked',
      sessionTimeoutMs: 2000,
    });
    expect(child.ready.body.item.data).toBe('job-3');
    const waiting = other.post('/api/v1/queues/acked/take', { timeoutMs: 15_000 });
    await child.kill();
    expect((await waiting).body.item.data).toBe('job-3');
  });

  it('answers bad input clearly', async () => {
    const anonymous = new RecipeRest(server.url);
    const needsSession = await anonymous.post('/api/v1/queues/q3/take', { ack: true });
    expect([needsSession.status, needsSession.body.error.name]).toEqual([400, 'BadArguments']);
    const c = await session();
    const badEncoding = await c.post('/api/v1/queues/q3/items', {
      data: '***',
      encoding: 'base64',
    });
    expect([badEncoding.status, badEncoding.body.error.name]).toEqual([400, 'BadArguments']);
    const notHeld = await c.post('/api/v1/queues/q3/items/queue-0000000042/ack');
    expect([notHeld.status, notHeld.body.error.name]).toEqual([404, 'NoNode']);
  });
});
