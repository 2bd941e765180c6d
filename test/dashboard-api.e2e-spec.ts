import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import type { RunningServer } from '../src/server/start-server';
import { DATABASES } from './support/databases';
import { removeTempDirs } from './support/temp-dir';
import { startTestServer } from './support/test-server';
import { until } from './support/until';

const PASSWORD = 'api-e2e-password';

describe.each(DATABASES)('admin API on $name', (db) => {
  let server: RunningServer;
  let http: ReturnType<typeof request>;
  let cookie: string;
  const sockets: Socket[] = [];

  const adminSocket = (headers: Record<string, string> = {}) => {
    const socket = io(`${server.url}/admin`, {
      transports: ['websocket'],
      extraHeaders: headers,
      forceNew: true,
      reconnection: false,
    });
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    server = await startTestServer({ ...(await db.settings()), ZOONEST_ADMIN_PASSWORD: PASSWORD });
    http = request(server.url);
    const login = await http
      .post('/api/v1/admin/login')
      .send({ user: 'admin', password: PASSWORD })
      .expect(200);
    cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server.stop();
    await db.cleanup();
    await removeTempDirs();
  });

  it('answers 401 AuthFailed without a login, and to a wrong password', async () => {
    for (const path of ['/api/v1/admin/me', '/api/v1/admin/audit', '/api/v1/admin/sessions']) {
      const res = await http.get(path);
      expect([path, res.status, res.body.error?.name]).toEqual([path, 401, 'AuthFailed']);
    }
    const forged = await http.get('/api/v1/admin/me').set('cookie', 'zoonest_admin=abc.def');
    expect(forged.status).toBe(401);
    const wrong = await http.post('/api/v1/admin/login').send({ user: 'admin', password: 'guess' });
    expect([wrong.status, wrong.body.error?.name, wrong.headers['set-cookie']]).toEqual([
      401,
      'AuthFailed',
      undefined,
    ]);
  });

  it('issues an HttpOnly session cookie that the admin API accepts until logout', async () => {
    const login = await http
      .post('/api/v1/admin/login')
      .send({ user: 'admin', password: PASSWORD })
      .expect(200);
    const setCookie = String(login.headers['set-cookie']?.[0]);
    expect(setCookie).toMatch(/^zoonest_admin=[\w-]+\.[\w-]+;/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const own = setCookie.split(';')[0] ?? '';
    await http
      .get('/api/v1/admin/me')
      .set('cookie', own)
      .expect(200, { user: 'admin', superUser: false });
    await http.post('/api/v1/admin/logout').set('cookie', own).expect(204);
    await http.get('/api/v1/admin/me').set('cookie', own).expect(401);
  });

  it('records who changed what, refused changes included, at /api/v1/admin/audit', async () => {
    await http
      .post('/api/v1/admin/znodes')
      .set('cookie', cookie)
      .send({ path: '/audited', data: 'v0' })
      .expect(201);
    const refused = await http
      .put('/api/v1/admin/znodes')
      .set('cookie', cookie)
      .send({ path: '/audited', data: 'v1', version: 7 });
    expect([refused.status, refused.body.error.name]).toEqual([409, 'BadVersion']);
    const audit = await http.get('/api/v1/admin/audit?limit=2').set('cookie', cookie).expect(200);
    expect(
      audit.body.map((e: { actor: string; action: string; target: string; outcome: string }) => [
        e.actor,
        e.action,
        e.target,
        e.outcome,
      ]),
    ).toEqual([
      ['admin', 'setData', '/audited', 'BadVersion'],
      ['admin', 'create', '/audited', 'Ok'],
    ]);
  });

  it('answers itself alone at /api/v1/admin/replicas, the one that expires sessions', async () => {
    await http.get('/api/v1/admin/replicas').expect(401);
    const view = () => http.get('/api/v1/admin/replicas').set('cookie', cookie).expect(200);
    // On PostgreSQL the expirer lock is taken just after start.
    await until(async () => (await view()).body.replicas[0]?.runsExpiry === true);
    const res = await view();
    expect(res.body).toEqual({
      headZxid: expect.any(Number),
      replicas: [
        {
          name: expect.any(String),
          // One server on PostgreSQL is a cluster of one, and leads it.
          role: db.name === 'sqlite' ? 'standalone' : 'leader',
          runsExpiry: true,
          self: true,
          httpUrl: server.url,
          zkAddress: `127.0.0.1:${server.zkPort}`,
          appliedZxid: res.body.headZxid,
          lagTxns: 0,
          reportedSecondsAgo: 0,
        },
      ],
    });
  });

  it('serves the dashboard at / without shadowing the API, docs, health or metrics', async () => {
    await http.get('/healthz').expect(200);
    await http.get('/readyz').expect(200);
    await http
      .get('/metrics')
      .expect(200)
      .expect(/zoonest_znodes/);
    await http.get('/api/docs-json').expect(200).expect('content-type', /json/);
    await http.get('/api/v1/znodes/').expect(200);
    const missing = await http.get('/api/v1/nothing-here');
    expect([missing.status, missing.body.error?.name]).toEqual([404, 'Unimplemented']);
    // The app's own page addresses get the app (or, before `npm run build`, a note saying so).
    const page = await http.get('/sessions');
    expect(page.headers['content-type']).toMatch(/^text\/(html|plain)/);
  });

  it('streams changes on /admin to a logged-in dashboard only', async () => {
    const refused = adminSocket();
    await expect(
      new Promise((resolve, reject) => {
        refused.on('connect', () => resolve('connected'));
        refused.on('connect_error', (err) => reject(err));
      }),
    ).rejects.toThrow(/log in/);

    const socket = adminSocket({ cookie });
    await new Promise<void>((resolve) => socket.on('connect', resolve));
    // Batches go out once per interval: gather them until both changes of /streamed are in.
    const batch = new Promise<{ events: Array<{ type: string; path: string }> }>((resolve) => {
      const events: Array<{ type: string; path: string }> = [];
      socket.on('changes', (b: { events: Array<{ type: string; path: string }> }) => {
        events.push(...b.events);
        if (events.some((e) => e.type === 'NodeDataChanged')) resolve({ events });
      });
    });
    const followed = await new Promise<{ subscriptionId: number }>((resolve, reject) =>
      socket.emit(
        'follow',
        { prefix: '/streamed' },
        (err: unknown, res: { subscriptionId: number }) =>
          err ? reject(new Error(JSON.stringify(err))) : resolve(res),
      ),
    );
    expect(typeof followed.subscriptionId).toBe('number');
    await http.post('/api/v1/znodes/streamed').send({ data: 'x' }).expect(201);
    await http.post('/api/v1/znodes/elsewhere').send({ data: 'x' }).expect(201);
    await http.put('/api/v1/znodes/streamed').send({ data: 'y' }).expect(200);
    const { events } = await batch;
    expect(events.map((e) => [e.type, e.path])).toEqual([
      ['NodeCreated', '/streamed'],
      ['NodeDataChanged', '/streamed'],
    ]);
  });
});
