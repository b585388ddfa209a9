import { expect, expectNoAxeViolations, test } from './fixtures';
import { realApiStack } from './real-api-stack';

/**
 * The console against a real HTTP API: `npm run api` (the engine over
 * node:http) and a production build WITHOUT the embedded engine, pointed at
 * it with VITE_API_URL (the preview server proxies /api, as the dev server does).
 */
const stack = realApiStack({ name: 'real-api', offset: 100 });
const { apiPort, consoleUrl } = stack;

test.describe('against a real API (npm run api)', () => {
  test.describe.configure({ timeout: 120_000 });

  test.beforeAll(() => stack.start());
  test.afterAll(() => stack.stop());

  test('signs in with a token, browses and deploys through the HTTP API', async ({
    page,
  }) => {
    await page.goto(consoleUrl);
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: 'Sign in to Platform Console',
      }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('API token').fill('hum_demo_admin_token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Applications' }),
    ).toBeVisible();
    expect(page.url()).not.toContain('hum_demo');

    await page.goto(
      `${consoleUrl}/orgs/acme/apps/docs-site/envs/production/workloads/docs`,
    );
    const image = page.getByLabel(/Image of container/).first();
    await expect(image).toBeVisible();
    const next = `registry.acme.dev/docs/site:2024.12.${Date.now()}`;
    await image.fill(next);
    await page.getByLabel(/to deploy to production/).fill('production');
    await page.getByRole('button', { name: 'Deploy to production' }).click();
    await expect(
      page
        .getByRole('region', { name: 'Status' })
        .getByText('Succeeded', { exact: true }),
    ).toBeVisible({ timeout: 20_000 });

    // The server holds the state: a fresh request sees the deployment.
    const response = await fetch(
      `http://127.0.0.1:${apiPort}/orgs/acme/apps/docs-site/envs/production`,
      {
        headers: { Authorization: 'Bearer hum_demo_admin_token' },
      },
    );
    const envBody = (await response.json()) as {
      last_deploy?: { status: string };
    };
    expect(envBody.last_deploy?.status).toBe('succeeded');
  });

  test.describe('with a wrong token', () => {
    // Chromium logs every refused request (401) as a console error; that is the point of this test.
    test.use({ allowedConsoleErrors: [/status of 401/] });

    test('a wrong token gets a clear message and a way to sign in again', async ({
      page,
    }) => {
      await page.goto(consoleUrl);
      await page.getByLabel('API token').fill('not-a-token');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText(/valid bearer token/i).first()).toBeVisible();
      await page
        .getByRole('button', { name: 'Sign in with another token' })
        .click();
      await expect(page.getByLabel('API token')).toBeVisible();
    });
  });
});
