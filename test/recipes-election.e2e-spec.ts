import { spawnRecipeClient, type RecipeProcess } from './support/recipes-process';
import { RecipeRest } from './support/recipes-rest';
import { recipeServerSuite } from './support/recipes-server';
import { until } from './support/until';

describe('election and membership over REST', () => {
  const server = recipeServerSuite();
  let observer: RecipeRest;

  beforeAll(async () => {
    observer = new RecipeRest(server.url);
  });

  it('elects exactly one of three processes and fails over when the leader is SIGKILLed', async () => {
    const procs: RecipeProcess[] = [];
    for (const id of ['p1', 'p2', 'p3']) {
      procs.push(
        await spawnRecipeClient(server.url, 'campaign', {
          group: 'masters',
          id,
          sessionTimeoutMs: 2000,
        }),
      );
    }
    expect(procs.map((p) => p.ready.body.leader)).toEqual([true, false, false]);
    const state = (await observer.get('/api/v1/elections/masters')).body;
    expect(state.leader.id).toBe('p1');
    expect(state.candidates.map((c: { id: string }) => c.id)).toEqual(['p1', 'p2', 'p3']);
    expect(state.members.map((m: { id: string }) => m.id).sort()).toEqual(['p1', 'p2', 'p3']);
    expect(state.candidates[0].node).toMatch(/^_c_[0-9a-f-]{36}-latch-\d{10}$/);

    // A watcher long-polls for the next change and sees the failover.
    const watching = observer.get(`/api/v1/elections/masters?since=${state.zxid}&timeoutMs=10000`);
    const killedAt = Date.now();
    await procs[0]?.kill();
    const changed = (await watching).body;
    expect(changed.zxid).toBeGreaterThan(state.zxid);
    await until(
      async () => (await observer.get('/api/v1/elections/masters/leader')).body.leader?.id === 'p2',
      5000,
    );
    expect(Date.now() - killedAt).toBeLessThan(2000 + 2000);
    const after = (await observer.get('/api/v1/elections/masters')).body;
    expect(after.candidates.map((c: { id: string }) => c.id)).toEqual(['p2', 'p3']);
    expect(after.members.map((m: { id: string }) => m.id).sort()).toEqual(['p2', 'p3']);
    expect(after.leader.token).toBeGreaterThan(state.leader.token);
  });

  it('lets a candidate wait for leadership, resign, and hand over', async () => {
    const a = await new RecipeRest(server.url).open();
    const b = await new RecipeRest(server.url).open();
    const ca = (await a.post('/api/v1/elections/g2/candidates', { id: 'a' })).body;
    const cb = (await b.post('/api/v1/elections/g2/candidates', { id: 'b', timeoutMs: 100 })).body;
    expect([ca.leader, cb.leader]).toEqual([true, false]);
    const waiting = b.post(`/api/v1/elections/g2/candidates/${cb.node}/await`, {
      timeoutMs: 10_000,
    });
    expect((await a.delete(`/api/v1/elections/g2/candidates/${ca.node}`)).status).toBe(204);
    expect((await waiting).body).toEqual({ leader: true });
    await a.close();
    await b.close();
  });

  it('refuses a duplicate member and unknown nodes clearly', async () => {
    const a = await new RecipeRest(server.url).open();
    expect((await a.post('/api/v1/elections/g3/members', { id: 'm' })).status).toBe(201);
    const dup = await a.post('/api/v1/elections/g3/members', { id: 'm' });
    expect([dup.status, dup.body.error.name]).toEqual([409, 'NodeExists']);
    const unknown = await a.post('/api/v1/elections/g3/candidates/_c_x-latch-0000000001/await', {
      timeoutMs: 0,
    });
    expect([unknown.status, unknown.body.error.name]).toEqual([404, 'NoNode']);
    const badGroup = await a.post('/api/v1/elections/%2Fbad/members', { id: 'm' });
    expect([badGroup.status, badGroup.body.error.name]).toEqual([400, 'BadArguments']);
    await a.close();
  });
});
