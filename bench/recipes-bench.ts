import type { Socket } from 'socket.io-client';
import { DistributedQueue, InterProcessMutex, ZoonestClient } from '@zoonest/client';
import { drive, type Timed } from './drive';
import { summarize, type Result } from './percentiles';
import { call, connectSocket } from './socketio-bench';

export interface RecipesBenchOptions {
  url: string;
  /** Contending clients (each its own session). */
  clients: number;
  /** Lock handoffs to measure, over all clients. */
  handoffs: number;
  /** Items put, then taken, over all clients. */
  items: number;
}

/** Every client runs `op` in turn until `total` ops are done between them. */
function driveShared(
  count: number,
  total: number,
  op: (c: number) => Promise<unknown>,
): Promise<Timed> {
  const clients = Array.from({ length: count }, (_, c) => c);
  return drive(clients, 1, Math.ceil(total / count), (c) => op(c));
}

/**
 * Lock handoffs per second (one contended lock, each acquire waits for the previous holder's
 * release) and queue put/take per second, with the SDK recipes (client-side, on Socket.IO
 * primitives) and with the server's recipe module (Socket.IO recipe events).
 */
export async function recipesBench(o: RecipesBenchOptions): Promise<Result[]> {
  const run = `bench-${Date.now()}`;
  const results: Result[] = [];
  const clients = await Promise.all(
    Array.from({ length: o.clients }, () =>
      ZoonestClient.connect({ servers: [o.url], sessionTimeoutMs: 30_000 }),
    ),
  );
  const sockets = await Promise.all(Array.from({ length: o.clients }, () => connectSocket(o.url)));
  try {
    const sdkLock = await driveShared(o.clients, o.handoffs, async (c) => {
      const mutex = new InterProcessMutex(clients[c] as ZoonestClient, `/zoonest/locks/${run}-sdk`);
      await mutex.acquire();
      await mutex.release();
    });
    results.push(
      summarize(
        `lock handoff, SDK mutex (${o.clients} clients)`,
        sdkLock.latencies,
        sdkLock.seconds,
      ),
    );

    const moduleLock = await driveShared(o.clients, o.handoffs, async (c) => {
      const s = sockets[c] as Socket;
      const got = await call<{ node: string }>(s, 'lock.acquire', { name: `${run}-module` });
      await call(s, 'lock.release', { name: `${run}-module`, node: got.node });
    });
    results.push(
      summarize(
        `lock handoff, lock module (${o.clients} sockets)`,
        moduleLock.latencies,
        moduleLock.seconds,
      ),
    );

    const queues = clients.map((c) => new DistributedQueue(c, `/zoonest/queues/${run}-sdk`));
    const put = await driveShared(o.clients, o.items, (c) =>
      (queues[c] as DistributedQueue).put('x'.repeat(100)),
    );
    results.push(summarize('queue put, SDK', put.latencies, put.seconds));
    const take = await driveShared(o.clients, o.items, (c) =>
      (queues[c] as DistributedQueue).take({ timeoutMs: 5000 }),
    );
    results.push(summarize('queue take, SDK', take.latencies, take.seconds));

    const mput = await driveShared(o.clients, o.items, (c) =>
      call(sockets[c] as Socket, 'queue.put', { name: `${run}-module`, data: 'x'.repeat(100) }),
    );
    results.push(summarize('queue put, queue module', mput.latencies, mput.seconds));
    const mtake = await driveShared(o.clients, o.items, (c) =>
      call(sockets[c] as Socket, 'queue.take', { name: `${run}-module`, timeoutMs: 5000 }),
    );
    results.push(summarize('queue take, queue module', mtake.latencies, mtake.seconds));
  } finally {
    for (const s of sockets) s.close();
    await Promise.all(clients.map((c) => c.close()));
  }
  return results;
}
