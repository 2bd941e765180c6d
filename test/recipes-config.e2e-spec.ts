import { RecipeRest } from './support/recipes-rest';
import { recipeServerSuite } from './support/recipes-server';

describe('configuration center over REST', () => {
  const server = recipeServerSuite();
  let rest: RecipeRest;
  const key = '/api/v1/config/prod/orders/app.yaml';

  beforeAll(async () => {
    rest = new RecipeRest(server.url);
  });

  it('publishes with compare-and-set and keeps the content readable by any ZooKeeper client', async () => {
    const v0 = await rest.put(key, { content: 'port: 80\n', format: 'yaml' });
    expect(v0.body).toMatchObject({
      namespace: 'prod',
      group: 'orders',
      key: 'app.yaml',
      version: 0,
      format: 'yaml',
    });
    const v1 = await rest.put(key, { content: 'port: 81\n', format: 'yaml', expectedVersion: 0 });
    expect(v1.body.version).toBe(1);
    const stale = await rest.put(key, {
      content: 'port: 82\n',
      format: 'yaml',
      expectedVersion: 0,
    });
    expect([stale.status, stale.body.error.name]).toEqual([409, 'BadVersion']);
    expect(stale.body.error.message).toMatch(/expected version 0 but it is at version 1/);
    const plain = await rest.get('/api/v1/znodes/zoonest/config/prod/orders/app.yaml');
    expect([plain.body.data, plain.body.stat.version]).toEqual(['port: 81\n', 1]);
    expect((await rest.get(key)).body).toMatchObject({
      content: 'port: 81\n',
      format: 'yaml',
      version: 1,
    });
  });

  it('pushes every change to a subscriber (read at start, then long polls)', async () => {
    const start = (
      await rest.get('/api/v1/config/public/DEFAULT_GROUP/flags.json').catch(() => null)
    )?.status;
    expect(start).toBe(404);
    await rest.put('/api/v1/config/public/DEFAULT_GROUP/flags.json', {
      content: '{"a":1}',
      format: 'json',
    });
    const first = (await rest.get('/api/v1/config/public/DEFAULT_GROUP/flags.json')).body;
    const seen: string[] = [first.content];
    let zxid: number = first.zxid;
    const subscriber = (async () => {
      while (seen.length < 4) {
        const next = (
          await rest.get(
            `/api/v1/config/public/DEFAULT_GROUP/flags.json?since=${zxid}&timeoutMs=5000`,
          )
        ).body;
        if (next.zxid > zxid) seen.push(next.content);
        zxid = next.zxid;
      }
    })();
    for (const n of [2, 3, 4]) {
      await new Promise((r) => setTimeout(r, 50));
      await rest.put('/api/v1/config/public/DEFAULT_GROUP/flags.json', {
        content: `{"a":${n}}`,
        format: 'json',
      });
    }
    await subscriber;
    expect(seen).toEqual(['{"a":1}', '{"a":2}', '{"a":3}', '{"a":4}']);
  });

  it('keeps the history, diffs versions and rolls back as a new version', async () => {
    const k = '/api/v1/config/prod/orders/db.properties';
    await rest.put(k, { content: 'url=jdbc:a\npool=5\n', format: 'properties' });
    await rest.put(k, { content: 'url=jdbc:b\npool=5\n', format: 'properties' });
    await rest.put(k, { content: 'url=jdbc:b\npool=9\n', format: 'properties' });
    const history = (await rest.get(`${k}/history`)).body.history;
    expect(history.map((h: { version: number }) => h.version)).toEqual([2, 1, 0]);
    const diff = (await rest.get(`${k}/diff?from=0&to=2`)).body.diff;
    expect(diff).toBe(
      [
        '--- db.properties@0',
        '+++ db.properties@2',
        '@@ -1,2 +1,2 @@',
        '-url=jdbc:a',
        '-pool=5',
        '+url=jdbc:b',
        '+pool=9',
        '',
      ].join('\n'),
    );
    const rolled = await rest.post(`${k}/rollback`, { toVersion: 0, expectedVersion: 2 });
    expect(rolled.body).toMatchObject({
      version: 3,
      content: 'url=jdbc:a\npool=5\n',
      format: 'properties',
    });
    expect((await rest.get(`${k}/history/3`)).body).toMatchObject({
      rolledBackFrom: 0,
      version: 3,
    });
    const missing = await rest.get(`${k}/history/77`);
    expect([missing.status, missing.body.error.name]).toEqual([404, 'NoNode']);
  });

  it('bounds the history to the last 50 versions', async () => {
    const k = '/api/v1/config/prod/orders/many.txt';
    for (let i = 0; i < 53; i++) await rest.put(k, { content: `v${i}` });
    const history = (await rest.get(`${k}/history`)).body.history;
    expect(history).toHaveLength(50);
    expect([history[0].version, history[49].version]).toEqual([52, 3]);
  });

  it('reads many keys at once', async () => {
    const r = await rest.post('/api/v1/config/batch-get', {
      keys: [
        { namespace: 'prod', group: 'orders', key: 'app.yaml' },
        { namespace: 'prod', group: 'orders', key: 'nope' },
      ],
    });
    expect(r.body.items[0]).toMatchObject({ key: 'app.yaml', content: 'port: 81\n' });
    expect(r.body.items[1]).toMatchObject({ key: 'nope', error: { name: 'NoNode' } });
    expect((await rest.get('/api/v1/config/prod/orders')).body.keys).toEqual(
      expect.arrayContaining(['app.yaml', 'db.properties']),
    );
  });

  it('refuses content that is not its format, unknown formats and keys clearly', async () => {
    const badJson = await rest.put('/api/v1/config/prod/orders/x.json', {
      content: '{oops',
      format: 'json',
    });
    expect([badJson.status, badJson.body.error.name]).toEqual([400, 'BadArguments']);
    expect(badJson.body.error.message).toMatch(/not valid JSON/);
    const badYaml = await rest.put('/api/v1/config/prod/orders/x.yaml', {
      content: 'a: [1, 2',
      format: 'yaml',
    });
    expect(badYaml.body.error.message).toMatch(/not valid YAML/);
    const badProps = await rest.put('/api/v1/config/prod/orders/x.properties', {
      content: 'a=\\uZZ',
      format: 'properties',
    });
    expect(badProps.body.error.message).toMatch(/line 1/);
    const badFormat = await rest.put('/api/v1/config/prod/orders/x', {
      content: 'a',
      format: 'xml',
    });
    expect(badFormat.body.error.message).toMatch(
      /format must be one of json, yaml, properties, text/,
    );
    const unknown = await rest.get('/api/v1/config/prod/orders/unknown');
    expect([unknown.status, unknown.body.error.message]).toEqual([
      404,
      expect.stringMatching(/no config unknown/),
    ]);
    const notCreated = await rest.put('/api/v1/config/prod/orders/new', {
      content: 'a',
      expectedVersion: 3,
    });
    expect([notCreated.status, notCreated.body.error.message]).toEqual([
      409,
      expect.stringMatching(/does not exist/),
    ]);
  });
});
