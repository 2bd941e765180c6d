import request from 'supertest';
import type { RunningServer } from '../src/server/start-server';
import { DATABASES } from './support/databases';
import { removeTempDirs } from './support/temp-dir';
import { startTestServer } from './support/test-server';

const MAX_PACKET = 4096;
/** What a create of /limit with the open ACL leaves for data within MAX_PACKET, as jute counts. */
const MAX_DATA = MAX_PACKET - (8 + 4 + '/limit'.length + 4 + 27 + 4);

describe.each(DATABASES)('REST on $name', (db) => {
  let server: RunningServer;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    server = await startTestServer({
      ...(await db.settings()),
      ZOONEST_JUTE_MAXBUFFER: MAX_PACKET,
      ZOONEST_MIN_SESSION_TIMEOUT_MS: 1000,
      ZOONEST_SESSION_CHECK_MS: 100,
    });
    http = request(server.url);
  });

  afterAll(async () => {
    await server.stop();
    await db.cleanup();
    await removeTempDirs();
  });

  const errorOf = (res: request.Response) => [res.status, res.body.error?.name];

  it('creates, reads, updates and deletes a znode', async () => {
    const created = await http.post('/api/v1/znodes/app').send({ data: 'hello' }).expect(201);
    expect(created.body).toMatchObject({
      path: '/app',
      stat: { version: 0, dataLength: 5, ephemeralOwner: '0' },
    });
    const read = await http.get('/api/v1/znodes/app').expect(200);
    expect(read.body).toMatchObject({
      path: '/app',
      data: 'hello',
      encoding: 'utf8',
      children: [],
    });
    const updated = await http
      .put('/api/v1/znodes/app')
      .send({ data: 'bye', version: 0 })
      .expect(200);
    expect(updated.body.stat.version).toBe(1);
    await http.delete('/api/v1/znodes/app?version=1').expect(204);
    expect(errorOf(await http.get('/api/v1/znodes/app'))).toEqual([404, 'NoNode']);
  });

  it('lists the root at /api/v1/znodes/', async () => {
    await http.post('/api/v1/znodes/rooted').send({}).expect(201);
    const res = await http.get('/api/v1/znodes/').expect(200);
    expect(res.body.path).toBe('/');
    expect(res.body.children).toContain('rooted');
  });

  it('round-trips binary data as base64', async () => {
    const bytes = Buffer.from([0, 255, 1, 254, 10, 13]);
    await http
      .post('/api/v1/znodes/bin')
      .send({ data: bytes.toString('base64'), encoding: 'base64' })
      .expect(201);
    const res = await http.get('/api/v1/znodes/bin?encoding=base64').expect(200);
    expect(Buffer.from(res.body.data, 'base64')).toEqual(bytes);
  });

  it('answers errors with ZooKeeper codes and fitting statuses', async () => {
    await http.post('/api/v1/znodes/e').send({}).expect(201);
    const dup = await http.post('/api/v1/znodes/e').send({});
    expect(dup.body.error).toMatchObject({ code: -110, name: 'NodeExists' });
    expect(dup.status).toBe(409);
    expect(errorOf(await http.put('/api/v1/znodes/e').send({ data: 'x', version: 9 }))).toEqual([
      409,
      'BadVersion',
    ]);
    await http.post('/api/v1/znodes/e/child').send({}).expect(201);
    expect(errorOf(await http.delete('/api/v1/znodes/e'))).toEqual([409, 'NotEmpty']);
    expect(errorOf(await http.post('/api/v1/znodes/missing/child').send({}))).toEqual([
      404,
      'NoNode',
    ]);
    expect(errorOf(await http.post('/api/v1/znodes/bad/').send({}))).toEqual([400, 'BadArguments']);
    expect(errorOf(await http.post('/api/v1/znodes/a//b').send({}))).toEqual([400, 'BadArguments']);
    expect(errorOf(await http.post('/api/v1/znodes/x').send({ mode: 'sideways' }))).toEqual([
      400,
      'BadArguments',
    ]);
    expect(errorOf(await http.put('/api/v1/znodes/e').send({ version: 'one' }))).toEqual([
      400,
      'BadArguments',
    ]);
    expect(errorOf(await http.post('/api/v1/znodes/eph').send({ mode: 'ephemeral' }))).toEqual([
      400,
      'BadArguments',
    ]);
  });

  it('refuses malformed JSON, and data past jute.maxbuffer as ZooKeeper counts it', async () => {
    const malformed = await http
      .post('/api/v1/znodes/json')
      .set('Content-Type', 'application/json')
      .send('{"data": ');
    expect(errorOf(malformed)).toEqual([400, 'BadArguments']);
    await http
      .post('/api/v1/znodes/limit')
      .send({ data: 'x'.repeat(MAX_DATA) })
      .expect(201);
    const over = await http.post('/api/v1/znodes/other').send({ data: 'x'.repeat(MAX_DATA + 1) });
    expect(errorOf(over)).toEqual([413, 'DataTooLarge']);
    const huge = await http.post('/api/v1/znodes/huge').send({ data: 'x'.repeat(MAX_DATA * 4) });
    expect(errorOf(huge)).toEqual([413, 'DataTooLarge']);
    expect((await http.get('/api/v1/znodes/limit').expect(200)).body.stat.dataLength).toBe(
      MAX_DATA,
    );
  });

  it('numbers sequential nodes as ZooKeeper does', async () => {
    await http.post('/api/v1/znodes/q').send({}).expect(201);
    const a = await http
      .post('/api/v1/znodes/q/job-')
      .send({ mode: 'persistent-sequential' })
      .expect(201);
    await http.delete(`/api/v1/znodes${a.body.path}`).expect(204);
    const b = await http
      .post('/api/v1/znodes/q/job-')
      .send({ mode: 'persistent-sequential' })
      .expect(201);
    expect([a.body.path, b.body.path]).toEqual(['/q/job-0000000000', '/q/job-0000000001']);
    expect((await http.get('/api/v1/znodes/q')).body.stat.cversion).toBe(3);
  });

  it('ties ephemerals to a session and removes them when it closes or expires', async () => {
    const s = (await http.post('/api/v1/sessions').send({ timeoutMs: 1000 }).expect(201)).body;
    expect(s).toMatchObject({ sessionId: expect.stringMatching(/^\d+$/), timeoutMs: 1000 });
    const eph = await http
      .post('/api/v1/znodes/live')
      .send({ mode: 'ephemeral', sessionId: s.sessionId })
      .expect(201);
    expect(eph.body.stat.ephemeralOwner).toBe(s.sessionId);
    expect(errorOf(await http.post('/api/v1/znodes/live/kid').send({}))).toEqual([
      400,
      'NoChildrenForEphemerals',
    ]);
    await http.post(`/api/v1/sessions/${s.sessionId}/heartbeat`).expect(200);
    await http.delete(`/api/v1/sessions/${s.sessionId}`).expect(204);
    expect(errorOf(await http.get('/api/v1/znodes/live'))).toEqual([404, 'NoNode']);
    expect(errorOf(await http.post(`/api/v1/sessions/${s.sessionId}/heartbeat`))).toEqual([
      410,
      'SessionExpired',
    ]);

    const short = (await http.post('/api/v1/sessions').send({ timeoutMs: 1000 }).expect(201)).body;
    await http
      .post('/api/v1/znodes/brief')
      .send({ mode: 'ephemeral', sessionId: short.sessionId })
      .expect(201);
    await new Promise((r) => setTimeout(r, 1600));
    expect(errorOf(await http.get('/api/v1/znodes/brief'))).toEqual([404, 'NoNode']);
    const gone = await http
      .post('/api/v1/znodes/late')
      .send({ mode: 'ephemeral', sessionId: short.sessionId });
    expect(errorOf(gone)).toEqual([410, 'SessionExpired']);
  });

  it('enforces ACLs with the identity of the session named in the header', async () => {
    const s = (await http.post('/api/v1/sessions').send({ timeoutMs: 10000 }).expect(201)).body;
    const header = `${s.sessionId}:${s.password}`;
    await http
      .post(`/api/v1/sessions/${s.sessionId}/auth`)
      .send({ scheme: 'digest', credentials: 'alice:pw' })
      .expect(200);
    await http
      .post('/api/v1/znodes/secret')
      .set('X-Zoonest-Session', header)
      .send({ data: 's', acl: [{ scheme: 'auth', id: '', perms: 'cdrwa' }] })
      .expect(201);
    expect(errorOf(await http.get('/api/v1/znodes/secret'))).toEqual([403, 'NoAuth']);
    expect(
      (await http.get('/api/v1/znodes/secret').set('X-Zoonest-Session', header).expect(200)).body
        .data,
    ).toBe('s');
    const acl = await http.get('/api/v1/acls/secret').set('X-Zoonest-Session', header).expect(200);
    expect(acl.body.acl).toEqual([
      { scheme: 'digest', id: expect.stringMatching(/^alice:/), perms: 'cdrwa' },
    ]);
    const wrong = await http
      .get('/api/v1/znodes/secret')
      .set('X-Zoonest-Session', `${s.sessionId}:AAAA`);
    expect(errorOf(wrong)).toEqual([410, 'SessionExpired']);
    const bad = await http
      .put('/api/v1/acls/secret')
      .set('X-Zoonest-Session', header)
      .send({ acl: [{ scheme: 'world', id: 'anyone', perms: 'xyz' }] });
    expect(errorOf(bad)).toEqual([400, 'InvalidACL']);
    await http.delete(`/api/v1/sessions/${s.sessionId}`).expect(204);
  });

  it('applies a multi all or nothing with per-op results', async () => {
    await http.post('/api/v1/znodes/m').send({}).expect(201);
    const failed = await http.post('/api/v1/multi').send({
      ops: [
        { op: 'create', path: '/m/a', data: 'x' },
        { op: 'check', path: '/m', version: 3 },
      ],
    });
    expect(failed.status).toBe(409);
    expect(failed.body.error.results).toEqual([
      { code: 0, name: 'Ok' },
      { code: -103, name: 'BadVersion' },
    ]);
    expect(errorOf(await http.get('/api/v1/znodes/m/a'))).toEqual([404, 'NoNode']);
    const ok = await http
      .post('/api/v1/multi')
      .send({
        ops: [
          { op: 'create', path: '/m/a', data: 'x' },
          { op: 'create', path: '/m/s-', mode: 'persistent-sequential' },
          { op: 'setData', path: '/m/a', data: 'y', version: 0 },
          { op: 'check', path: '/m', version: 0 },
        ],
      })
      .expect(200);
    expect(ok.body.results.map((r: { op: string }) => r.op)).toEqual([
      'create',
      'create',
      'setData',
      'check',
    ]);
    expect(ok.body.results[1].path).toBe('/m/s-0000000001');
    expect(errorOf(await http.post('/api/v1/multi').send({ ops: 'nope' }))).toEqual([
      400,
      'BadArguments',
    ]);
  });

  it('deletes a subtree with recursive=true', async () => {
    await http.post('/api/v1/znodes/tree').send({}).expect(201);
    await http.post('/api/v1/znodes/tree/a').send({}).expect(201);
    await http.post('/api/v1/znodes/tree/a/b').send({}).expect(201);
    await http.delete('/api/v1/znodes/tree?recursive=true').expect(204);
    expect(errorOf(await http.get('/api/v1/znodes/tree'))).toEqual([404, 'NoNode']);
  });

  it('serves OpenAPI, health, readiness and Prometheus metrics', async () => {
    const docs = await http.get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/znodes/{path}', '/api/v1/sessions', '/api/v1/multi']),
    );
    await http.get('/healthz').expect(200);
    expect((await http.get('/readyz').expect(200)).body.info.database.status).toBe('up');
    const metrics = await http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/zoonest_znodes \d+/);
    expect(metrics.text).toMatch(/zoonest_requests_total\{op="create",result="NodeExists"\} [1-9]/);
    expect(metrics.text).toMatch(/zoonest_commit_seconds_bucket/);
  });

  it('keeps serving through a flood of concurrent writes', async () => {
    await http.post('/api/v1/znodes/flood').send({}).expect(201);
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        http
          .post(`/api/v1/znodes/flood/n${i}`)
          .send({ data: String(i) })
          .then((r) => r.status),
      ),
    );
    expect(statuses.every((s) => s === 201)).toBe(true);
    expect((await http.get('/api/v1/znodes/flood')).body.stat.numChildren).toBe(200);
  });
});
