import type { Browser, Page } from 'playwright-core';
import type { ReplicasJson } from '../src/admin/admin-api-types';
import { startCluster, type Cluster, type Replica } from './support/cluster';
import { removeTempDirs } from './support/temp-dir';
import { until } from './support/until';
import { CHROMIUM_MISSING, launchChromium, screenshot } from './dashboard-support/browser';
import { ensureWebAppBuilt } from './dashboard-support/web-app-build';

const PASSWORD = 'dashboard-replicas-password';

async function login(replica: Replica): Promise<string> {
  const res = await fetch(`${replica.url}/api/v1/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'admin', password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0]?.split(';')[0] ?? '';
}

async function replicasOf(replica: Replica, cookie: string): Promise<ReplicasJson> {
  const res = await fetch(`${replica.url}/api/v1/admin/replicas`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as ReplicasJson;
}

/** Any replica serves the dashboard, and each shows the whole cluster. */
describe('dashboard: the replicas of a cluster', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    if (!CHROMIUM_MISSING) ensureWebAppBuilt();
    cluster = await startCluster(3, { ZOONEST_ADMIN_PASSWORD: PASSWORD });
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
    await removeTempDirs();
  }, 30_000);

  it('answers every replica, their lag and the one expirer at /api/v1/admin/replicas, on each', async () => {
    const unauthenticated = await fetch(`${cluster.replicas[0]!.url}/api/v1/admin/replicas`);
    expect(unauthenticated.status).toBe(401);
    const made = await fetch(`${cluster.replicas[0]!.url}/api/v1/znodes/counted`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: 'x' }),
    });
    const zxid = Number(made.headers.get('x-zoonest-zxid'));
    for (const r of cluster.replicas) {
      const cookie = await login(r);
      let view = await replicasOf(r, cookie);
      await until(
        async () => {
          view = await replicasOf(r, cookie);
          const { replicas } = view;
          const inStep = replicas.every((x) => x.lagTxns === 0);
          return replicas.length === 3 && inStep && replicas.some((x) => x.role === 'leader');
        },
        10_000,
        `three replicas in step, one leading, seen from ${r.name}`,
      );
      expect(view.headZxid).toBeGreaterThanOrEqual(zxid);
      expect(view.replicas.map((x) => [x.name, x.httpUrl, x.zkAddress, x.self])).toEqual(
        cluster.replicas.map((x) => [x.name, x.url, x.zkAddress, x.name === r.name]),
      );
      expect(view.replicas.filter((x) => x.runsExpiry)).toHaveLength(1);
      expect(view.replicas.map((x) => x.role).sort()).toEqual(['follower', 'follower', 'leader']);
      for (const x of view.replicas) {
        expect(x.appliedZxid).toBe(view.headZxid);
        expect(x.runsExpiry).toBe(x.role === 'leader');
        expect(x.reportedSecondsAgo).toBeLessThan(5);
      }
    }
  });

  const browserIt = CHROMIUM_MISSING ? it.skip : it;
  browserIt('shows the replicas table, live, on any replica', async () => {
    const browser: Browser = await launchChromium();
    try {
      const page: Page = await (
        await browser.newContext({ viewport: { width: 1600, height: 900 } })
      ).newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(cluster.replicas[2]!.url);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('link', { name: 'Replicas' }).click();
      await page.getByRole('heading', { level: 1, name: 'Replicas' }).waitFor();
      for (const r of cluster.replicas) {
        const row = page.locator(`[data-testid="replica-row"][data-name="${r.name}"]`);
        await row.filter({ hasText: r.zkAddress }).waitFor();
        await row.getByTestId('replica-lag').filter({ hasText: 'in step' }).waitFor();
      }
      await page.locator('[data-testid="replica-row"]', { hasText: 'this one' }).waitFor();
      await page.getByTestId('replica-count').filter({ hasText: '3' }).waitFor();
      await cluster.add('r3');
      await page.locator(`[data-testid="replica-row"][data-name="r3"]`).waitFor();
      await page
        .getByTestId('replica-table')
        .locator('tr', { hasText: 'expires sessions' })
        .waitFor();
      await screenshot(page, '21-replicas');
    } finally {
      await browser.close();
    }
  });
});
