import type { RunningServer } from '../src/server/start-server';
import { ServiceDiscovery, ZoonestClient } from '@zoonest/client';
import { RecipeRest } from './support/recipes-rest';
import { removeTempDirs } from './support/temp-dir';
import { startTestServer } from './support/test-server';
import { until } from './support/until';
import {
  fitsShare,
  startBackend,
  tally,
  useXdsBootstrap,
  who,
  xdsClient,
  type Backend,
  type EchoClient,
} from './support/xds-grpc';
import { closeZkClients, connectZk, nzk } from './support/zookeeper-client';

const SESSION_TIMEOUT_MS = 1000;

describe('xDS: proxyless gRPC clients reach services registered in Zoonest', () => {
  let server: RunningServer;
  let sdk: ZoonestClient;
  let rest: RecipeRest;
  const backends: Backend[] = [];
  const clients: EchoClient[] = [];

  const backend = async (name: string) => {
    const b = await startBackend(name);
    backends.push(b);
    return b;
  };
  const client = (service: string) => {
    const c = xdsClient(service);
    clients.push(c);
    return c;
  };
  /** Calls until every name in `names`, and no other, has answered in one round of calls. */
  const untilOnly = async (c: EchoClient, names: string[]) => {
    await until(
      async () => {
        const seen = Object.keys(await tally(c, 40)).sort();
        return seen.join() === [...names].sort().join();
      },
      10_000,
      `traffic to exactly ${names.join(', ')}`,
    );
  };

  beforeAll(async () => {
    server = await startTestServer({
      ZOONEST_XDS_PORT: 0,
      ZOONEST_MIN_SESSION_TIMEOUT_MS: SESSION_TIMEOUT_MS,
      ZOONEST_SESSION_CHECK_MS: 100,
    });
    useXdsBootstrap(server.xdsPort, 'e2e-client');
    sdk = await ZoonestClient.connect({ servers: [server.url] });
    rest = await new RecipeRest(server.url).open(4000);
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all(backends.map((b) => b.stop()));
    await sdk.close();
    await rest.close();
    await closeZkClients();
    await server.stop();
    await removeTempDirs();
  });

  it('spreads calls over live instances from the SDK, REST and Dubbo by weight', async () => {
    const service = 'demo.Greeter';
    const [a, b, c, down] = await Promise.all(
      ['sdk-a', 'rest-b', 'dubbo-c', 'rest-down'].map(backend),
    );
    await new ServiceDiscovery(sdk).registerService(service, {
      id: 'sdk-a',
      host: '127.0.0.1',
      port: a!.port,
      weight: 1,
    });
    const registered = await rest.post(`/api/v1/services/${service}/instances`, {
      id: 'rest-b',
      host: '127.0.0.1',
      port: b!.port,
      weight: 2,
    });
    expect(registered.status).toBe(201);
    await rest.post(`/api/v1/services/${service}/instances`, {
      id: 'rest-down',
      host: '127.0.0.1',
      port: down!.port,
      weight: 5,
      status: 'DOWN',
    });
    const zk = await connectZk(`127.0.0.1:${server.zkPort}`);
    const url = `dubbo://127.0.0.1:${c!.port}/${service}?interface=${service}&side=provider&weight=1`;
    await zk.create(`/dubbo/${service}/providers/${encodeURIComponent(url)}`, null, {
      mode: nzk.CreateMode.EPHEMERAL,
    });

    const greeter = client(service);
    await untilOnly(greeter, ['sdk-a', 'rest-b', 'dubbo-c']);
    const n = 400;
    const counts = await tally(greeter, n);
    expect(counts['rest-down']).toBeUndefined();
    expect(fitsShare(counts['sdk-a'] ?? 0, n, 0.25)).toBe(true);
    expect(fitsShare(counts['rest-b'] ?? 0, n, 0.5)).toBe(true);
    expect(fitsShare(counts['dubbo-c'] ?? 0, n, 0.25)).toBe(true);

    await rest.put(`/api/v1/services/${service}/instances/rest-b`, { status: 'DOWN' });
    await untilOnly(greeter, ['sdk-a', 'dubbo-c']);
    await zk.close();
    await untilOnly(greeter, ['sdk-a']);
  });

  it("stops traffic to an instance within a second of its session's expiry", async () => {
    const service = 'demo.Expiring';
    const [alive, dying] = await Promise.all(['alive', 'dying'].map(backend));
    await rest.post(`/api/v1/services/${service}/instances`, {
      id: 'alive',
      host: '127.0.0.1',
      port: alive!.port,
    });
    const opened = await rest.post('/api/v1/sessions', { timeoutMs: SESSION_TIMEOUT_MS });
    const { sessionId, password, timeoutMs } = opened.body;
    const header = { 'x-zoonest-session': `${sessionId}:${password}` };
    const heartbeat = () =>
      fetch(`${server.url}/api/v1/sessions/${sessionId}/heartbeat`, {
        method: 'POST',
        headers: header,
      });
    const beating = setInterval(() => void heartbeat(), timeoutMs / 4);
    await fetch(`${server.url}/api/v1/services/${service}/instances`, {
      method: 'POST',
      headers: { ...header, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'dying', host: '127.0.0.1', port: dying!.port }),
    });
    const expiring = client(service);
    await untilOnly(expiring, ['alive', 'dying']);

    clearInterval(beating);
    await heartbeat();
    const lastHeartbeat = Date.now();
    let calling = true;
    const load = (async () => {
      while (calling) await who(expiring);
    })();
    await until(() => Date.now() - dying!.lastServedAt > 1500, 10_000, 'traffic to stop');
    calling = false;
    await load;
    expect(dying!.lastServedAt - lastHeartbeat).toBeLessThanOrEqual(timeoutMs + 1000);
    expect(alive!.lastServedAt).toBeGreaterThan(dying!.lastServedAt);
  });
});
