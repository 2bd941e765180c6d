import { connect, type Socket } from 'node:net';
import type { RunningServer } from '../src/server/start-server';
import { startTestServer } from './support/test-server';
import { removeTempDirs } from './support/temp-dir';
import { closeZkClients, connectZk } from './support/zookeeper-client';

const LIMIT = 2;

/** Resolves once the socket is connected; `closed` settles when the server hangs up. */
function open(port: number): Promise<{ socket: Socket; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('error', reject);
    socket.once('connect', () => resolve({ socket, closed }));
  });
}

const hangsUpWithin = (closed: Promise<void>, ms: number) =>
  Promise.race([
    closed.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
  ]);

/** ZooKeeper's maxClientCnxns, as ZOONEST_ZK_MAX_CONNECTIONS_PER_IP. */
describe('ZooKeeper protocol connection limit', () => {
  let server: RunningServer;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startTestServer({ ZOONEST_ZK_MAX_CONNECTIONS_PER_IP: LIMIT });
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await closeZkClients();
    await server.stop();
    await removeTempDirs();
  });

  it('hangs up on an address past its limit, and takes it again once one closes', async () => {
    const held = [await open(server.zkPort), await open(server.zkPort)];
    sockets.push(...held.map((h) => h.socket));
    const extra = await open(server.zkPort);
    sockets.push(extra.socket);
    expect(await hangsUpWithin(extra.closed, 2000)).toBe(true);
    expect(await hangsUpWithin(held[0]!.closed, 100)).toBe(false);

    held[0]!.socket.destroy();
    await held[0]!.closed;
    const client = await connectZk(`127.0.0.1:${server.zkPort}`);
    await client.create('/admitted');
    expect(await client.exists('/admitted')).not.toBeNull();
  });
});
