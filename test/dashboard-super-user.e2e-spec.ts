import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../src/server/start-server';
import { ZoonestClient } from '@zoonest/client';
import { CHROMIUM_MISSING, launchChromium, screenshot } from './dashboard-support/browser';
import { ensureWebAppBuilt } from './dashboard-support/web-app-build';
import { removeTempDirs } from './support/temp-dir';
import { startTestServer } from './support/test-server';

const PASSWORD = 'dashboard-e2e-password';
const digest = (userPassword: string) =>
  `${userPassword.split(':')[0]}:${createHash('sha1').update(userPassword).digest('base64')}`;

const suite = CHROMIUM_MISSING ? describe.skip : describe;

/** A locked-down server whose dashboard acts as the super user: it can, and it says so. */
suite('dashboard as the super user', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureWebAppBuilt();
    server = await startTestServer({
      ZOONEST_ADMIN_PASSWORD: PASSWORD,
      ZOONEST_ENFORCE_AUTH_ENABLED: 'true',
      ZOONEST_ENFORCE_AUTH_SCHEMES: 'digest',
      ZOONEST_SUPER_DIGEST: digest('super:s3cret'),
      ZOONEST_ADMIN_AS_SUPER_USER: 'true',
    });
    const bob = await ZoonestClient.connect({
      servers: [server.url],
      auth: { scheme: 'digest', credentials: 'bob:pw' },
    });
    await bob.create('/vault', 'only bob may read this', {
      acl: [{ scheme: 'digest', id: digest('bob:pw'), perms: 'cdrwa' }],
    });
    await bob.close();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await removeTempDirs();
  });

  it('says it acts as the super user, and reads a node locked to someone else', async () => {
    await page.goto(server.url);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('super-user').filter({ hasText: 'acting as super user' }).waitFor();
    await page.getByRole('link', { name: 'Tree' }).click();
    await page.locator('[data-path="/vault"]').click();
    await page.getByTestId('node-data').filter({ hasText: 'only bob may read this' }).waitFor();
    await screenshot(page, 'super-user-tree');
  });
});
