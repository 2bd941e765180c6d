import { recipeServerSuite } from './support/recipes-server';

describe('barriers and counters over REST', () => {
  const server = recipeServerSuite();
  const { session } = server;

  it('holds waiters at a barrier until it is removed', async () => {
    const c = await session();
    expect((await c.put('/api/v1/barriers/deploy')).body).toEqual({ created: true });
    expect((await c.post('/api/v1/barriers/deploy/wait', { timeoutMs: 100 })).body).toEqual({
      passed: false,
    });
    const waiters = [0, 1, 2].map(() =>
      c.post('/api/v1/barriers/deploy/wait', { timeoutMs: 10_000 }),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect((await c.delete('/api/v1/barriers/deploy')).body).toEqual({ removed: true });
    expect((await Promise.all(waiters)).map((r) => r.body.passed)).toEqual([true, true, true]);
  });

  it('lets nobody through a double barrier until all members entered, and out until all left', async () => {
    const members = await Promise.all([session(), session(), session()]);
    let entered = 0;
    const enter = (i: number) =>
      members[i]!.post('/api/v1/double-barriers/phase/enter', {
        members: 3,
        id: `m${i}`,
        timeoutMs: 10_000,
      }).then((r) => {
        entered++;
        return r;
      });
    const entering = [enter(0), enter(1)];
    await new Promise((r) => setTimeout(r, 150));
    expect(entered).toBe(0);
    entering.push(enter(2));
    const results = await Promise.all(entering);
    expect(results.map((r) => r.body.entered)).toEqual([true, true, true]);
    const left = await Promise.all(
      members.map((m, i) =>
        m.post('/api/v1/double-barriers/phase/leave', { id: `m${i}`, timeoutMs: 10_000 }),
      ),
    );
    expect(left.map((r) => r.body.left)).toEqual([true, true, true]);
    const timedOut = await members[0].post('/api/v1/double-barriers/solo/enter', {
      members: 2,
      timeoutMs: 100,
    });
    expect(timedOut.body.entered).toBe(false);
  });

  it('counts exactly under concurrent increments, in Curator encoding', async () => {
    const cs = await Promise.all(Array.from({ length: 5 }, () => session()));
    await Promise.all(
      cs.map(async (c) => {
        for (let i = 0; i < 10; i++) await c.post('/api/v1/counters/hits/add', {});
      }),
    );
    expect((await cs[0]!.get('/api/v1/counters/hits')).body).toEqual({ name: 'hits', value: 50 });
    const raw = await cs[0]!.get('/api/v1/znodes/zoonest/counters/hits?encoding=base64');
    expect(Buffer.from(raw.body.data, 'base64').readBigInt64BE()).toBe(50n);
    expect(
      (await cs[0]!.put('/api/v1/counters/hits', { value: 7, expected: 49 })).body.succeeded,
    ).toBe(false);
    expect(
      (await cs[0]!.put('/api/v1/counters/hits', { value: 7, expected: 50 })).body,
    ).toMatchObject({ succeeded: true, postValue: 7 });
    expect(
      (await cs[0]!.post('/api/v1/counters/big/add', { delta: '9007199254740993' })).body.postValue,
    ).toBe('9007199254740993');
    const bad = await cs[0]!.post('/api/v1/counters/hits/add', { delta: 1.5 });
    expect([bad.status, bad.body.error.name]).toEqual([400, 'BadArguments']);
  });
});
