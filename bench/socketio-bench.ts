import { io, type Socket } from 'socket.io-client';
import type { Result } from './percentiles';
import { runWorkloads, type BenchClient, type WorkloadShape } from './workloads';

export interface SocketIoBenchOptions extends WorkloadShape {
  url: string;
  clients: number;
}

export function connectSocket(url: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/zoonest`, { transports: ['websocket'], auth: { timeoutMs: 30_000 } });
    socket.once('session', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export function call<T = unknown>(socket: Socket, event: string, req: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    socket.emit(event, req, (err: { name: string } | null, res?: T) =>
      err ? reject(new Error(err.name)) : resolve(res as T),
    );
  });
}

function benchClient(socket: Socket): BenchClient {
  return {
    create: (path, data) => call(socket, 'create', { path, data }),
    setData: (path, data) => call(socket, 'setData', { path, data }),
    getData: (path) => call(socket, 'getData', { path }),
    watchData: async (path) => {
      await call(socket, 'getData', { path, watch: true });
      return { fired: new Promise<void>((resolve) => socket.once('watch', () => resolve())) };
    },
  };
}

/** The basic workloads over Socket.IO, each client one socket with its own session. */
export async function socketIoBench(o: SocketIoBenchOptions): Promise<Result[]> {
  const sockets = await Promise.all(Array.from({ length: o.clients }, () => connectSocket(o.url)));
  try {
    return await runWorkloads(sockets.map(benchClient), o);
  } finally {
    for (const s of sockets) s.close();
  }
}
