import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../src/server/start-server';
import { RecipeRest } from './support/recipes-rest';
import { removeTempDirs } from './support/temp-dir';
import { startTestServer } from './support/test-server';
import {
  startBackend,
  useXdsBootstrap,
  who,
  xdsClient,
  type Backend,
  type EchoClient,
} from './support/xds-grpc';
import { CHROMIUM_MISSING, launchChromium, screenshot } from './dashboard-support/browser';
import { ensureWebAppBuilt } from './dashboard-support/web-app-build';

const PASSWORD = 'dashboard-mesh-password';
const SERVICE = 'demo.Dashboard';

if (CHROMIUM_MISSING) console.warn(`dashboard mesh tests skipped: ${CHROMIUM_MISSING}`);
const suite = CHROMIUM_MISSING ? describe.skip : describe;

suite('dashboard: the service mesh view', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let rest: RecipeRest;
  let backend: Backend;
  let grpc: EchoClient;

  beforeAll(async () => {
    ensureWebAppBuilt();
    server = await startTestServer({ ZOONEST_ADMIN_PASSWORD: PASSWORD, ZOONEST_XDS_PORT: 0 });
    useXdsBootstrap(server.xdsPort, 'dashboard-mesh-client');
    rest = await new RecipeRest(server.url).open(4000);
    backend = await startBackend('only');
    await rest.post(`/api/v1/services/${SERVICE}/instances`, {
      id: 'only',
      host: '127.0.0.1',
      port: backend.port,
    });
    grpc = xdsClient(SERVICE);
    await who(grpc);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
  }, 180_000);

  afterAll(async () => {
    grpc?.close();
    await backend?.stop();
    await rest?.close();
    await browser?.close();
    await server?.stop();
    await removeTempDirs();
  });

  it('lists the connected gRPC client with what it ACKed and the route config it NACKed', async () => {
    await page.goto(server.url);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Mesh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mesh' }).waitFor();
    const row = page.locator('[data-testid="mesh-client-row"][data-node="dashboard-mesh-client"]');
    await row.waitFor();
    await row.filter({ hasText: 'zoonest-tests' }).waitFor();
    await row.filter({ hasText: /gRPC Node/ }).waitFor();
    await row.locator('[data-type="ClusterLoadAssignment"]').filter({ hasText: 'ACK v' }).waitFor();

    const published = await rest.put(`/api/v1/config/mesh/routes/${SERVICE}`, {
      format: 'json',
      content: JSON.stringify({ routes: [{ retry: { attempts: 0 } }] }),
    });
    expect(published.status).toBe(200);
    await row.getByTestId('nack').filter({ hasText: 'num_retries' }).waitFor();
    await expect(who(grpc)).resolves.toBe('only');

    await rest.put(`/api/v1/config/mesh/routes/${SERVICE}`, {
      format: 'json',
      content: '{"routes": "not a list"}',
    });
    await page.getByTestId('mesh-problems').filter({ hasText: SERVICE }).waitFor();
    await screenshot(page, '20-mesh');
  });
});
