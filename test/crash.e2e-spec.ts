import { freePort, spawnServer, type ServerProcess } from './support/server-process';
import { DATABASES } from './support/databases';
import { removeTempDirs } from './support/temp-dir';

interface Acked {
  path: string;
  data: string;
  zxid: number;
}

async function post(url: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${url}/api/v1/znodes${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe.each(DATABASES)('crash safety on $name', (db) => {
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await db.cleanup();
    await removeTempDirs();
  });

  it('keeps every acknowledged write through kill -9 and moves the zxid on', async () => {
    const settings = Object.entries(await db.settings()).map(([k, v]) => [k, String(v)]);
    const env = { ...Object.fromEntries(settings), ZOONEST_HTTP_PORT: String(await freePort()) };
    server = await spawnServer(env);
    expect((await post(server.url, '/w', {})).status).toBe(201);

    const acked: Acked[] = [];
    let counterAcked = -1;
    let stop = false;
    const url = server.url;
    const writer = async (id: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        const path = `/w/n-${id}-${i}`;
        try {
          const res = await post(url, path, { data: `v${i}` });
          if (res.status === 201) {
            const body = (await res.json()) as { stat: { czxid: number } };
            acked.push({ path, data: `v${i}`, zxid: body.stat.czxid });
          }
        } catch {
          return; // the server is gone
        }
      }
    };
    const counter = async (): Promise<void> => {
      await post(url, '/counter', { data: '0' });
      for (let v = 1; !stop; v++) {
        try {
          const res = await fetch(`${url}/api/v1/znodes/counter`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ data: String(v), version: v - 1 }),
          });
          if (res.status !== 200) return;
          counterAcked = v;
        } catch {
          return;
        }
      }
    };
    const writers = [...Array.from({ length: 6 }, (_, i) => writer(i)), counter()];
    await new Promise((r) => setTimeout(r, 700 + Math.floor(Math.random() * 1500)));
    await server.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(acked.length).toBeGreaterThan(20);

    server = await spawnServer(env);
    const missing: string[] = [];
    for (const write of acked) {
      const res = await fetch(`${server.url}/api/v1/znodes${write.path}`);
      const body = (await res.json()) as { data?: string };
      if (res.status !== 200 || body.data !== write.data) missing.push(write.path);
    }
    expect(missing).toEqual([]);
    const counterNow = (await (await fetch(`${server.url}/api/v1/znodes/counter`)).json()) as {
      data: string;
    };
    expect(Number(counterNow.data)).toBeGreaterThanOrEqual(counterAcked);

    const next = (await (await post(server.url, '/after-restart', {})).json()) as {
      stat: { czxid: number };
    };
    expect(next.stat.czxid).toBeGreaterThan(Math.max(...acked.map((a) => a.zxid)));
  });
});
