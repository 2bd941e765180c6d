import { spawnRecipeClient } from './support/recipes-process';
import { RecipeRest } from './support/recipes-rest';
import { recipeServerSuite } from './support/recipes-server';
import { until } from './support/until';

describe('lock recipes over REST', () => {
  const server = recipeServerSuite();
  const { session } = server;

  it('keeps a shared counter exact under contention, with growing fencing tokens', async () => {
    const admin = await session();
    await admin.post('/api/v1/znodes/counter', { data: '0' });
    const workers = await Promise.all(Array.from({ length: 6 }, () => session()));
    const tokens: number[] = [];
    await Promise.all(
      workers.map(async (w) => {
        for (let i = 0; i < 5; i++) {
          const got = await w.post('/api/v1/locks/counter/acquire', { timeoutMs: 20_000 });
          expect(got.body.acquired).toBe(true);
          tokens.push(got.body.token);
          const read = await w.get('/api/v1/znodes/counter');
          await new Promise((r) => setTimeout(r, 2)); // widen the window a lost update needs
          await w.put('/api/v1/znodes/counter', { data: String(Number(read.body.data) + 1) });
          expect(
            (await w.post('/api/v1/locks/counter/release', { node: got.body.node })).status,
          ).toBe(204);
        }
      }),
    );
    expect((await admin.get('/api/v1/znodes/counter')).body.data).toBe('30');
    expect(tokens).toEqual([...tokens].sort((a, b) => a - b));
    expect(new Set(tokens).size).toBe(30);
  });

  it('serves waiters in arrival order, shows holder and waiters, and times out', async () => {
    const [a, b, c] = await Promise.all([session(), session(), session()]);
    const held = await a.post('/api/v1/locks/fifo/acquire', { owner: 'a' });
    expect(held.body).toMatchObject({ acquired: true });
    expect((await b.post('/api/v1/locks/fifo/acquire', { timeoutMs: 0 })).body).toEqual({
      acquired: false,
    });
    expect((await b.post('/api/v1/locks/fifo/acquire', { timeoutMs: 150 })).body).toEqual({
      acquired: false,
    });
    const order: string[] = [];
    const waitB = b
      .post('/api/v1/locks/fifo/acquire', { owner: 'b' })
      .then((r) => (order.push('b'), r));
    await until(async () => (await a.get('/api/v1/locks/fifo')).body.waiters.length === 1);
    const waitC = c
      .post('/api/v1/locks/fifo/acquire', { owner: 'c' })
      .then((r) => (order.push('c'), r));
    await until(async () => (await a.get('/api/v1/locks/fifo')).body.waiters.length === 2);
    const state = (await a.get('/api/v1/locks/fifo')).body;
    expect([state.holder.owner, ...state.waiters.map((w: { owner: string }) => w.owner)]).toEqual([
      'a',
      'b',
      'c',
    ]);
    await a.post('/api/v1/locks/fifo/release', { node: held.body.node });
    const gotB = await waitB;
    await b.post('/api/v1/locks/fifo/release', { node: gotB.body.node });
    const gotC = await waitC;
    expect(order).toEqual(['b', 'c']);
    await c.post('/api/v1/locks/fifo/release', { node: gotC.body.node });
  });

  it('lets readers share and keeps writers exclusive', async () => {
    const [r1, r2, w] = await Promise.all([session(), session(), session()]);
    const read1 = await r1.post('/api/v1/rwlocks/doc/acquire', { mode: 'read', timeoutMs: 0 });
    const read2 = await r2.post('/api/v1/rwlocks/doc/acquire', { mode: 'read', timeoutMs: 0 });
    expect([read1.body.acquired, read2.body.acquired]).toEqual([true, true]);
    expect(read1.body.node).toMatch(/^_c_[0-9a-f-]{36}-__READ__\d{10}$/);
    expect(
      (await w.post('/api/v1/rwlocks/doc/acquire', { mode: 'write', timeoutMs: 100 })).body
        .acquired,
    ).toBe(false);
    const writing = w.post('/api/v1/rwlocks/doc/acquire', { mode: 'write' });
    await until(async () => (await w.get('/api/v1/rwlocks/doc')).body.waiters.length === 1);
    // A reader that comes after a waiting writer waits too (fair, no writer starvation).
    expect(
      (await r1.post('/api/v1/rwlocks/doc/acquire', { mode: 'read', timeoutMs: 100 })).body
        .acquired,
    ).toBe(false);
    await r1.post('/api/v1/rwlocks/doc/release', { node: read1.body.node });
    await r2.post('/api/v1/rwlocks/doc/release', { node: read2.body.node });
    const wrote = await writing;
    expect(wrote.body.node).toMatch(/-__WRIT__\d{10}$/);
    const state = (await w.get('/api/v1/rwlocks/doc')).body;
    expect([state.writer.node, state.readers]).toEqual([wrote.body.node, []]);
    await w.post('/api/v1/rwlocks/doc/release', { node: wrote.body.node });
  });

  it('grants at most N semaphore leases at once', async () => {
    const admin = await session();
    expect((await admin.put('/api/v1/semaphores/pool', { maxLeases: 2 })).status).toBe(200);
    const users = await Promise.all(Array.from({ length: 5 }, () => session()));
    let inside = 0;
    let most = 0;
    await Promise.all(
      users.map(async (u) => {
        for (let i = 0; i < 3; i++) {
          const lease = await u.post('/api/v1/semaphores/pool/acquire', { timeoutMs: 20_000 });
          expect(lease.body.node).toMatch(/-lease-\d{10}$/);
          inside++;
          most = Math.max(most, inside);
          await new Promise((r) => setTimeout(r, 60));
          inside--;
          await u.post('/api/v1/semaphores/pool/release', { node: lease.body.node });
        }
      }),
    );
    expect(most).toBe(2);
    expect((await admin.get('/api/v1/semaphores/pool')).body).toMatchObject({
      maxLeases: 2,
      holders: [],
      waiters: [],
    });
  });

  it('applies a guarded write only while the token holds the lock', async () => {
    const holder = await session();
    const got = await holder.post('/api/v1/locks/fenced/acquire', {});
    const write = (data: string) =>
      holder.post('/api/v1/locks/fenced/guarded-writes', {
        token: got.body.token,
        ops: [{ op: 'create', path: `/fenced-${data}`, data }],
      });
    const ok = await write('one');
    expect([ok.status, ok.body.results[0].path]).toEqual([200, '/fenced-one']);
    await holder.post('/api/v1/locks/fenced/release', { node: got.body.node });
    const stale = await write('two');
    expect([stale.status, stale.body.error.name]).toEqual([409, 'BadVersion']);
    expect(stale.body.error.message).toMatch(/fencing token/);
    expect((await holder.get('/api/v1/znodes/fenced-two')).status).toBe(404);
  });

  it('releases the lock of a SIGKILLed holder within its session timeout', async () => {
    const child = await spawnRecipeClient(server.url, 'lock', {
      name: 'crash',
      sessionTimeoutMs: 2000,
    });
    expect(child.ready.body.acquired).toBe(true);
    const waiter = await session();
    const waiting = waiter.post('/api/v1/locks/crash/acquire', { timeoutMs: 15_000 });
    await until(async () => (await waiter.get('/api/v1/locks/crash')).body.waiters.length === 1);
    const killedAt = Date.now();
    await child.kill();
    const got = await waiting;
    expect(got.body.acquired).toBe(true);
    expect(Date.now() - killedAt).toBeLessThan(2000 + 1500);
    expect(got.body.token).toBeGreaterThan(child.ready.body.token);
  });

  it('answers bad input clearly', async () => {
    const c = await session();
    const anonymous = new RecipeRest(server.url);
    const noSession = await anonymous.post('/api/v1/locks/x/acquire', {});
    expect([noSession.status, noSession.body.error.name]).toEqual([400, 'BadArguments']);
    expect(noSession.body.error.message).toMatch(/X-Zoonest-Session/i);
    const notHeld = await c.post('/api/v1/locks/x/release', {
      node: '_c_00000000-0000-0000-0000-000000000000-lock-0000000009',
    });
    expect([notHeld.status, notHeld.body.error.name]).toEqual([404, 'NoNode']);
    const badTimeout = await c.post('/api/v1/locks/x/acquire', { timeoutMs: -5 });
    expect([badTimeout.status, badTimeout.body.error.message]).toEqual([
      400,
      expect.stringMatching(/timeoutMs/),
    ]);
    const noLeases = await c.post('/api/v1/semaphores/unset/acquire', {});
    expect([noLeases.status, noLeases.body.error.message]).toEqual([
      400,
      expect.stringMatching(/maxLeases/),
    ]);
    const other = await session();
    const held = await c.post('/api/v1/locks/mine/acquire', {});
    const stolen = await other.post('/api/v1/locks/mine/release', { node: held.body.node });
    expect([stolen.status, stolen.body.error.name]).toEqual([403, 'NoAuth']);
  });
});
