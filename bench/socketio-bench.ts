import { io, type Socket } from 'socket.io-client';
import { summarize, type Result } from './percentiles';

type Ack = (err: { name: string } | null, res?: unknown) => void;

function connect(url: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/zoonest`, { transports: ['websocket'], auth: { timeoutMs: 30_000 } });
    socket.once('session', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function call(socket: Socket, event: string, req: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const ack: Ack = (err, res) => (err ? reject(new Error(err.name)) : resolve(res));
    socket.emit(event, req, ack);
  });
}

/** Each client keeps `inFlight` requests outstanding until it has done `perClient`. */
async function drive(
  clients: Socket[],
  inFlight: number,
  perClient: number,
  op: (client: Socket, c: number, i: number) => Promise<unknown>,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    clients.map(async (client, c) => {
      let next = 0;
      const lane = async () => {
        while (next < perClient) {
          const i = next++;
          const t = performance.now();
          await op(client, c, i);
          latencies.push(performance.now() - t);
        }
      };
      await Promise.all(Array.from({ length: inFlight }, lane));
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

export interface SocketIoBenchOptions {
  url: string;
  clients: number;
  inFlight: number;
  perClient: number;
  watchSamples: number;
}

export async function socketIoBench(o: SocketIoBenchOptions): Promise<Result[]> {
  const clients = await Promise.all(Array.from({ length: o.clients }, () => connect(o.url)));
  const run = `/bench-${Date.now()}`;
  await call(clients[0]!, 'create', { path: run });
  await Promise.all(clients.map((c, i) => call(c, 'create', { path: `${run}/c${i}` })));
  const payload = 'x'.repeat(100);
  const results: Result[] = [];

  const create = await drive(clients, o.inFlight, o.perClient, (c, ci, i) =>
    call(c, 'create', { path: `${run}/c${ci}/n${i}`, data: payload }),
  );
  results.push(summarize('create', create.latencies, create.seconds));
  const set = await drive(clients, o.inFlight, o.perClient, (c, ci, i) =>
    call(c, 'setData', { path: `${run}/c${ci}/n${i}`, data: `${payload}!` }),
  );
  results.push(summarize('setData', set.latencies, set.seconds));
  const get = await drive(clients, o.inFlight, o.perClient, (c, ci, i) =>
    call(c, 'getData', { path: `${run}/c${ci}/n${i}` }),
  );
  results.push(summarize('getData', get.latencies, get.seconds));

  // One client sets, another is told: time from the set being sent to the watch event arriving.
  const [setter, watcher] = clients as [Socket, Socket];
  await call(setter, 'create', { path: `${run}/watched` });
  const watchLatencies: number[] = [];
  for (let i = 0; i < o.watchSamples; i++) {
    await call(watcher, 'getData', { path: `${run}/watched`, watch: true });
    const told = new Promise<void>((resolve) => watcher.once('watch', () => resolve()));
    const t = performance.now();
    await Promise.all([call(setter, 'setData', { path: `${run}/watched`, data: String(i) }), told]);
    watchLatencies.push(performance.now() - t);
  }
  const watchSeconds = watchLatencies.reduce((a, b) => a + b, 0) / 1000;
  results.push(summarize('watch notify', watchLatencies, watchSeconds));

  for (const c of clients) c.close();
  return results;
}
