import type { RunningServer } from '../src/server/start-server';
import { MeshSource } from '../src/xds/mesh-source';
import { XdsClients } from '../src/xds/xds-clients';
import { RecipeRest } from './support/recipes-rest';
import { removeTempDirs } from './support/temp-dir';
import { startTestServer } from './support/test-server';
import { until } from './support/until';
import {
  fitsShare,
  startBackend,
  tally,
  useXdsBootstrap,
  xdsClient,
  type Backend,
  type EchoClient,
} from './support/xds-grpc';

const SERVICE = 'demo.Canary';
const MESH = `/api/v1/config/mesh/routes/${SERVICE}`;
const N = 400;

/** The share of calls that went to version 2. */
const v2Share = (counts: Record<string, number>) => (counts.v2 ?? 0) / N;

describe('xDS routes: weighted splits published through the config center', () => {
  let server: RunningServer;
  let rest: RecipeRest;
  let greeter: EchoClient;
  const backends: Backend[] = [];

  const publish = async (config: unknown) => {
    const res = await rest.put(MESH, { content: JSON.stringify(config), format: 'json' });
    expect(res.status).toBe(200);
    return res.body.version as number;
  };
  /** Waits until a round of calls all go to v2 (`all`) or mix v1 and v2 (`mixed`). */
  const settled = (want: 'all-v2' | 'mixed', headers: Record<string, string> = {}) =>
    until(
      async () => {
        const counts = await tally(greeter, 40, headers);
        const v1 = (counts.v1a ?? 0) + (counts.v1b ?? 0);
        return want === 'all-v2' ? v1 === 0 : v1 > 0 && (counts.v2 ?? 0) > 0;
      },
      10_000,
      `${want} traffic`,
    );
  const routeStatus = () =>
    server.app
      .get(XdsClients)
      .list()
      .flatMap((c) => c.types)
      .find((t) => t.type === 'RouteConfiguration');

  beforeAll(async () => {
    server = await startTestServer({ ZOONEST_XDS_PORT: 0 });
    useXdsBootstrap(server.xdsPort, 'routes-client');
    rest = await new RecipeRest(server.url).open(4000);
    for (const [name, version] of [
      ['v1a', 'v1'],
      ['v1b', 'v1'],
      ['v2', 'v2'],
    ] as const) {
      const b = await startBackend(name);
      backends.push(b);
      await rest.post(`/api/v1/services/${SERVICE}/instances`, {
        id: name,
        host: '127.0.0.1',
        port: b.port,
        metadata: { version },
      });
    }
    greeter = xdsClient(SERVICE);
  });

  afterAll(async () => {
    greeter.close();
    await Promise.all(backends.map((b) => b.stop()));
    await rest.close();
    await server.stop();
    await removeTempDirs();
  });

  it('splits as published, routes by header, and a rollback restores the split', async () => {
    await settled('mixed');
    const first = await publish({
      routes: [
        { headers: { 'x-canary': 'yes' }, split: { v2: 1 } },
        { split: { v1: 80, v2: 20 }, timeoutMs: 2000 },
      ],
    });
    await settled('all-v2', { 'x-canary': 'yes' });
    expect(fitsShare((await tally(greeter, N)).v2 ?? 0, N, 0.2)).toBe(true);

    await publish({ routes: [{ split: { v1: 0, v2: 100 } }] });
    await settled('all-v2');

    const rolledBack = await rest.post(`${MESH}/rollback`, { toVersion: first });
    expect(rolledBack.status).toBe(200);
    await settled('mixed');
    expect(fitsShare(v2Share(await tally(greeter, N)) * N, N, 0.2)).toBe(true);
    expect(routeStatus()?.nack).toBeNull();
  });

  it('keeps the last good routes when a client NACKs a config or the server cannot read one', async () => {
    await publish({ routes: [{ split: { v1: 50, v2: 50 } }] });
    await until(async () => fitsShare((await tally(greeter, 200)).v2 ?? 0, 200, 0.5), 10_000);
    const acked = routeStatus()?.ackedVersion;

    // Valid for Envoy (0 retries), refused by gRPC: the client NACKs and keeps 50/50.
    await publish({ routes: [{ split: { v2: 100 }, retry: { attempts: 0 } }] });
    await until(() => routeStatus()?.nack !== null, 5000, 'a NACK');
    expect(routeStatus()?.nack?.message).toMatch(/num_retries/);
    expect(routeStatus()?.ackedVersion).toBe(acked);
    expect(fitsShare((await tally(greeter, N)).v2 ?? 0, N, 0.5)).toBe(true);

    // Not a mesh config at all: the server keeps serving the last one it could read.
    const bad = await publish({ routes: [{ splits: { v2: 100 } }] });
    await until(() => server.app.get(MeshSource).problems.length > 0, 5000, 'a problem');
    expect(server.app.get(MeshSource).problems[0]).toMatchObject({
      service: SERVICE,
      version: bad,
    });
    expect(fitsShare((await tally(greeter, N)).v2 ?? 0, N, 0.5)).toBe(true);

    await publish({ routes: [{ split: { v2: 100 } }] });
    await settled('all-v2');
    await until(() => routeStatus()?.nack === null, 5000, 'the NACK to clear');
    expect(server.app.get(MeshSource).problems).toEqual([]);
  });
});
