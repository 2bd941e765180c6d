import { spawnRecipeClient } from './support/recipes-process';
import { RecipeRest } from './support/recipes-rest';
import { recipeServerSuite } from './support/recipes-server';
import { until } from './support/until';

interface Owners {
  members: Array<{ id: string }>;
  owners: Record<string, Record<string, string>>;
}

describe('partitions and consumer groups over REST', () => {
  const server = recipeServerSuite();
  const { session } = server;
  let observer: RecipeRest;
  const group = async (name: string) =>
    (await observer.get(`/api/v1/consumer-groups/${name}`)).body as Owners;
  /** Every live partition owned by exactly one member, and only by live members. */
  const balanced = (g: Owners, partitions: string[], members: string[]) => {
    const owners = g.owners.orders ?? {};
    return (
      partitions.every((p) => members.includes(owners[p] ?? '')) &&
      Object.keys(owners).length === partitions.length &&
      members.every((m) => g.members.some((x) => x.id === m))
    );
  };

  beforeAll(async () => {
    observer = new RecipeRest(server.url);
    for (const [id, n] of [
      ['2', 2],
      ['1', 3],
      ['10', 1],
    ] as const) {
      const broker = await session();
      const registered = await broker.post('/api/v1/brokers', { id, host: `b${id}`, port: 9092 });
      const published = await broker.put(`/api/v1/brokers/${id}/topics/orders`, { partitions: n });
      if (registered.status !== 201 || published.status !== 200)
        throw new Error('broker setup failed');
    }
  });

  const ALL = ['1-0', '1-1', '1-2', '2-0', '2-1', '10-0'];

  it('gives producers the partitions ordered by broker id, then partition, and round-robins', async () => {
    const list = (await observer.get('/api/v1/topics/orders/partitions')).body.partitions;
    expect(list.map((p: { id: string }) => p.id)).toEqual(ALL);
    const sent = [];
    for (let i = 0; i < 7; i++)
      sent.push((await observer.post('/api/v1/topics/orders/partitions/next')).body.id);
    expect(sent).toEqual([...ALL, ALL[0]]);
  });

  it('owns every partition exactly once after each join, leave and SIGKILL', async () => {
    const a = await session();
    await a.post('/api/v1/consumer-groups/g/members', {
      id: 'a',
      topics: ['orders'],
      assignor: 'range',
    });
    await until(async () => balanced(await group('g'), ALL, ['a']), 5000, 'a owns all');

    const b = await session();
    await b.post('/api/v1/consumer-groups/g/members', { id: 'b', topics: ['orders'] });
    await until(async () => balanced(await group('g'), ALL, ['a', 'b']), 5000, 'a and b balanced');
    const afterB = (await group('g')).owners.orders ?? {};
    expect(Object.values(afterB).sort()).toEqual(['a', 'a', 'a', 'b', 'b', 'b']);
    // Range: a gets the first half in producer order.
    expect(['1-0', '1-1', '1-2'].map((p) => afterB[p])).toEqual(['a', 'a', 'a']);

    const child = await spawnRecipeClient(server.url, 'consume', {
      group: 'g',
      id: 'c',
      topics: ['orders'],
      sessionTimeoutMs: 2000,
    });
    expect(child.ready.status).toBe(201);
    await until(
      async () => balanced(await group('g'), ALL, ['a', 'b', 'c']),
      5000,
      'three balanced',
    );
    expect(
      Object.values((await group('g')).owners.orders ?? {}).filter((m) => m === 'c'),
    ).toHaveLength(2);

    const killedAt = Date.now();
    await child.kill();
    await until(
      async () => balanced(await group('g'), ALL, ['a', 'b']),
      6000,
      'rebalanced after SIGKILL',
    );
    expect(Date.now() - killedAt).toBeLessThan(2000 + 2500);

    const watch = (await observer.get('/api/v1/consumer-groups/g/members/a/assignment')).body;
    const waiting = observer.get(
      `/api/v1/consumer-groups/g/members/a/assignment?since=${watch.zxid}&timeoutMs=10000`,
    );
    expect((await b.delete('/api/v1/consumer-groups/g/members/b')).status).toBe(204);
    await waiting;
    await until(async () => balanced(await group('g'), ALL, ['a']), 5000, 'a alone again');
    const mine = (await observer.get('/api/v1/consumer-groups/g/members/a/assignment')).body.owned;
    expect(mine.map((o: { partition: string }) => o.partition).sort()).toEqual([...ALL].sort());
  });

  it('moves partitions when a broker dies', async () => {
    const broker = await session();
    await broker.post('/api/v1/brokers', { id: '7', host: 'b7', port: 9092 });
    await broker.put('/api/v1/brokers/7/topics/orders', { partitions: 1 });
    const ids = async () =>
      (await observer.get('/api/v1/topics/orders/partitions')).body.partitions.map(
        (p: { id: string }) => p.id,
      );
    expect(await ids()).toEqual(['1-0', '1-1', '1-2', '2-0', '2-1', '7-0', '10-0']);
    await broker.close();
    expect(await ids()).toEqual(ALL);
  });

  it('answers bad input clearly', async () => {
    const c = await session();
    const noTopics = await c.post('/api/v1/consumer-groups/g2/members', { topics: [] });
    expect([noTopics.status, noTopics.body.error.message]).toEqual([
      400,
      expect.stringMatching(/topics/),
    ]);
    const badAssignor = await c.post('/api/v1/consumer-groups/g2/members', {
      topics: ['t'],
      assignor: 'sticky',
    });
    expect(badAssignor.body.error.message).toMatch(/assignor must be one of range, round-robin/);
    const noTopic = await c.post('/api/v1/topics/none/partitions/next');
    expect([noTopic.status, noTopic.body.error.name]).toEqual([404, 'NoNode']);
    const notBroker = await c.put('/api/v1/brokers/1/topics/t', { partitions: 1 });
    expect([notBroker.status, notBroker.body.error.name]).toEqual([403, 'NoAuth']);
  });
});
