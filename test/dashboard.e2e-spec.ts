import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../src/server/start-server';
import { ZoonestClient } from '@zoonest/client';
import { removeTempDirs } from './support/temp-dir';
import { startTestServer } from './support/test-server';
import { CHROMIUM_MISSING, launchChromium, screenshot } from './dashboard-support/browser';
import { SecondClient } from './dashboard-support/second-client';
import { ensureWebAppBuilt } from './dashboard-support/web-app-build';

const PASSWORD = 'dashboard-e2e-password';

let server: RunningServer;
let browser: Browser;
let page: Page;
let other: SecondClient;
let sdk: ZoonestClient | undefined;

/** Waits until an element with this test id shows the text. */
async function shows(testId: string, text: string | RegExp): Promise<void> {
  await page.getByTestId(testId).filter({ hasText: text }).first().waitFor();
}

async function view(name: string): Promise<void> {
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

if (CHROMIUM_MISSING) console.warn(`dashboard browser tests skipped: ${CHROMIUM_MISSING}`);
const suite = CHROMIUM_MISSING ? describe.skip : describe;

suite('dashboard in a browser', () => {
  beforeAll(async () => {
    ensureWebAppBuilt();
    server = await startTestServer({ ZOONEST_ADMIN_PASSWORD: PASSWORD });
    other = new SecondClient(server.url);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  }, 180_000);

  afterAll(async () => {
    await sdk?.close();
    await browser?.close();
    await server?.stop();
    await removeTempDirs();
  });

  it('refuses a wrong password and lets the admin in with the right one', async () => {
    await page.goto(server.url);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shows('error-banner', 'AuthFailed');
    await screenshot(page, '01-login-refused');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await shows('current-user', 'admin');
  });

  it('creates and edits a node, and shows a second client’s change live', async () => {
    await other.create('/shop', '');
    await other.create('/shop/catalog', '{"items":["tea","coffee"],"currency":"EUR"}');
    await view('Tree');
    await page.locator('[data-path="/shop"]').click();
    await shows('node-path', '/shop');
    await page.getByRole('button', { name: 'New child' }).click();
    const dialog = page.getByTestId('create-dialog');
    await dialog.getByLabel('Name').fill('stock');
    await dialog.getByLabel('Data').fill('{"tea": 7}');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await shows('node-path', '/shop/stock');
    await shows('node-data', '"tea": 7');

    await other.setData('/shop/stock', '{"tea": 5, "coffee": 12}');
    await shows('node-data', '"coffee": 12');
    await shows('node-version', '1');
    await other.create('/shop/orders', 'order-1');
    await page.locator('[data-path="/shop/orders"]').waitFor();

    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Node data').fill('{"tea": 4, "coffee": 12}');
    await page.getByRole('button', { name: 'Save' }).click();
    await shows('node-data', '"tea": 4');
    await shows('node-version', '2');
    await page.locator('[data-path="/shop/catalog"]').click();
    await shows('node-data', '"currency": "EUR"');
    await screenshot(page, '02-tree');
  });

  it('refuses an edit made over a concurrent change with BadVersion', async () => {
    await page.locator('[data-path="/shop/stock"]').click();
    await shows('node-version', '2');
    await page.getByRole('button', { name: 'Edit' }).click();
    await other.setData('/shop/stock', '{"tea": 0}');
    await shows('changed-meanwhile', 'now version 3');
    await page.getByLabel('Node data').fill('{"tea": 100}');
    await page.getByRole('button', { name: 'Save' }).click();
    await shows('error-banner', 'BadVersion');
    await screenshot(page, '03-tree-bad-version');
    await page.getByRole('button', { name: 'Discard my edit' }).click();
    await shows('node-data', '"tea": 0');
  });

  it('searches paths and deletes a subtree after confirmation', async () => {
    await page.getByLabel('Search paths').fill('orders');
    await page.getByTestId('search-results').getByRole('button', { name: '/shop/orders' }).click();
    await shows('node-path', '/shop/orders');
    await page.locator('[data-path="/shop"]').click();
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByTestId('delete-dialog');
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await shows('node-path', /^\/$/);
    await page.locator('[data-path="/shop"]').waitFor({ state: 'detached' });
  });

  it('pages a long child list instead of loading it whole', async () => {
    await other.create('/bulk', '');
    await other.call('POST', '/api/v1/multi', {
      ops: Array.from({ length: 1000 }, (_, i) => ({
        op: 'create',
        path: `/bulk/item-${String(i).padStart(4, '0')}`,
        data: `${i}`,
      })),
    });
    await page.locator('[data-path="/bulk"]').getByRole('button', { name: 'Expand' }).click();
    await page.locator('[data-path="/bulk/item-0000"]').waitFor();
    // Virtualized: of the first 200 children only those in view are in the page.
    await expect(page.locator('[data-path^="/bulk/"]').count()).resolves.toBeLessThan(60);
    const tree = page.getByTestId('tree');
    await tree.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.getByRole('button', { name: 'Show more (800 remaining)' }).click();
    await tree.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.getByRole('button', { name: 'Show more (600 remaining)' }).waitFor();
    await page.locator('[data-path="/bulk/item-0399"]').waitFor();
    await screenshot(page, '04-tree-long-list');
  });

  it('closes a session from the Sessions view, and its registry instance vanishes', async () => {
    const session = await other.openSession();
    await other.call(
      'POST',
      '/api/v1/services/com.example.Payments/instances',
      {
        id: 'payments-1',
        host: '10.0.0.21',
        port: 20880,
        weight: 80,
        status: 'UP',
        metadata: { zone: 'eu-1', version: '2.4.1' },
      },
      session,
    );
    const keep = await other.openSession();
    await other.call(
      'POST',
      '/api/v1/services/com.example.Payments/instances',
      {
        id: 'payments-2',
        host: '10.0.0.22',
        port: 20880,
        status: 'UP',
        metadata: { zone: 'eu-2' },
      },
      keep,
    );
    // A Socket.IO client too, holding a worker node and a watch.
    sdk = await ZoonestClient.connect({ servers: server.url });
    await sdk.create('/worker-7', 'busy', { mode: 'ephemeral' });
    await sdk.exists('/jobs-ready', { watch: () => undefined });
    await view('Services');
    await page.locator('[data-instance="payments-1"]').waitFor();
    await page.locator('[data-instance="payments-2"]').waitFor();
    await screenshot(page, '05-services');

    await view('Sessions');
    const row = page.locator(`[data-session="${session.sessionId}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: 'Details' }).click();
    const sdkRow = page.locator('[data-testid="session-row"]').filter({ hasText: 'socketio' });
    await sdkRow.getByRole('button', { name: 'Details' }).click();
    await page.getByText('/jobs-ready').waitFor();
    await screenshot(page, '06-sessions');
    await row.getByRole('button', { name: 'Close' }).click();
    await page
      .getByTestId('close-session-dialog')
      .getByRole('button', { name: 'Close session' })
      .click();
    await row.waitFor({ state: 'detached' });

    await view('Services');
    await page.locator('[data-instance="payments-2"]').waitFor();
    await page.locator('[data-instance="payments-1"]').waitFor({ state: 'detached' });
  });

  it('publishes a config and rolls it back', async () => {
    await other.call('PUT', '/api/v1/config/shop/DEFAULT_GROUP/checkout', {
      format: 'yaml',
      content: 'timeoutMs: 2000\nretries: 3\n',
    });
    await view('Config');
    await page.getByRole('button', { name: 'checkout' }).click();
    await shows('config-version', '0');
    const editor = page.getByLabel('Config content');
    await editor.fill('timeoutMs: [oops');
    await shows('config-validation', 'not valid YAML');
    await editor.fill('timeoutMs: 2500\nretries: 5\n');
    await shows('config-validation', 'valid yaml');
    await page.getByRole('button', { name: 'Publish' }).click();
    await shows('config-version', '1');

    await page
      .locator('[data-testid="history-row"][data-version="0"]')
      .getByRole('button', { name: 'Diff' })
      .click();
    await shows('config-diff', '+timeoutMs: 2500');
    await screenshot(page, '07-config-diff');
    await page.getByTestId('diff-dialog').getByRole('button', { name: 'Close' }).click();

    await page
      .locator('[data-testid="history-row"][data-version="0"]')
      .getByRole('button', { name: 'Roll back' })
      .click();
    await page.getByRole('button', { name: 'Publish v0 again' }).click();
    await shows('config-version', '2');
    await expect(editor.inputValue()).resolves.toBe('timeoutMs: 2000\nretries: 3\n');
    await shows('config-history', 'rollback of v0');
    await screenshot(page, '08-config');
  });

  it('shows a lock holder and a queue depth', async () => {
    const holder = await other.openSession();
    await other.call(
      'POST',
      '/api/v1/locks/orders/acquire',
      { owner: 'worker-7', timeoutMs: 0 },
      holder,
    );
    for (const job of ['{"job":1}', '{"job":2}', '{"job":3}'])
      await other.call('POST', '/api/v1/queues/emails/items', { data: job });
    const candidate = await other.openSession();
    await other.call(
      'POST',
      '/api/v1/elections/scheduler/candidates',
      { id: 'node-a', timeoutMs: 0 },
      candidate,
    );
    await view('Coordination');
    await page.locator('[data-lock="orders"]').filter({ hasText: 'worker-7' }).waitFor();
    await page
      .locator('[data-queue="emails"]')
      .getByTestId('queue-depth')
      .filter({ hasText: '3' })
      .waitFor();
    await other.call('POST', '/api/v1/queues/emails/items', { data: '{"job":4}' });
    await page
      .locator('[data-queue="emails"]')
      .getByTestId('queue-depth')
      .filter({ hasText: '4' })
      .waitFor();
    await screenshot(page, '09-coordination');
  });

  it('streams changes from the transaction log, filtered by path prefix', async () => {
    await view('Events');
    await page
      .getByTestId('event-row')
      .filter({ hasText: '/zoonest/queues/emails/items' })
      .first()
      .waitFor();
    await page.getByLabel('Path prefix').fill('/live');
    await page.getByRole('button', { name: 'Apply' }).click();
    await other.create('/live', 'x');
    await other.setData('/live', 'y');
    await page.getByTestId('event-row').filter({ hasText: '/live' }).nth(1).waitFor();
    await expect(page.getByTestId('event-row').filter({ hasText: '/shop' }).count()).resolves.toBe(
      0,
    );
    await screenshot(page, '10-events');
  });

  it('lists every dashboard change with who made it, and serves it at /api/v1/admin/audit', async () => {
    await view('Audit log');
    await page.getByTestId('audit-row').filter({ hasText: 'BadVersion' }).first().waitFor();
    await page.getByTestId('audit-row').filter({ hasText: 'closeSession' }).first().waitFor();
    await screenshot(page, '11-audit');
    const cookies = await page.context().cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await fetch(`${server.url}/api/v1/admin/audit?action=rollbackConfig`, {
      headers: { cookie },
    });
    const entries = (await res.json()) as Array<{ actor: string; target: string; outcome: string }>;
    expect(entries.map((e) => [e.actor, e.target, e.outcome])).toEqual([
      ['admin', 'shop/DEFAULT_GROUP/checkout', 'Ok'],
    ]);
  });

  it('charts the server over the last minutes', async () => {
    await view('Overview');
    await shows('stat-znodes', /\d/);
    await page.locator('[data-testid="chart-znodes"] .recharts-area-area').first().waitFor();
    await screenshot(page, '12-overview');
  });
});
