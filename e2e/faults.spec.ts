import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

/**
 * Hardening (README, "Fault injection, retries and idempotency"):
 * 1. the demo with 20% of API calls failing (fixed seed): browsing, changing an
 *    image and deploying still work through the console's retries; every
 *    failure shows a message and a Retry; the edit survives; exactly one
 *    deployment is created although the deploy's first answer is lost;
 * 2. two tabs of the demo (one saved state, an engine per tab) deploying the
 *    same environment: one wins, the other gets a clear conflict and keeps its edit.
 */

/**
 * Waits for `done`; whenever an error with a Retry button shows instead, checks
 * it explains itself and retries (injected faults can outlast the automatic retries).
 */
async function settle(page: Page, done: Locator, attempts = 6) {
  const retry = page.getByRole('alert').getByRole('button', { name: 'Retry' });
  for (let i = 0; i < attempts; i += 1) {
    await expect(done.or(retry).first()).toBeVisible({ timeout: 20_000 });
    if (await done.first().isVisible()) return;
    await expect(page.getByRole('alert').first()).toContainText(/\w+/);
    await retry.first().click();
  }
  await expect(done.first()).toBeVisible();
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

test.describe('with 20% of API calls failing', () => {
  // Chromium logs every non-2xx answer and every dropped request as a console error;
  // with fault injection on these are expected, and only these are allowed here.
  // (One pattern: Playwright reads a two-element array in test.use as a [value, options] tuple.)
  test.use({
    allowedConsoleErrors: [/Failed to load resource: (the server responded with a status of (500|503|504) |net::ERR_FAILED)/],
  });

  test('browse, change an image and deploy: messages and retries, the edit kept, one deployment', async ({ page }) => {
    test.setTimeout(120_000);
    // Seed 9: the first deploy request of shop/development times out after the engine did the work.
    await page.goto('/?faults=rate:0.2,kinds:500|503|timeout|network,delay:300,seed:9');
    await settle(page, h1(page, 'Applications'));
    await page.getByRole('table', { name: 'Applications' }).getByRole('link', { name: 'Shop' }).click();
    await settle(page, h1(page, 'Shop'));
    await page.getByRole('table', { name: 'Environments' }).getByRole('link', { name: 'Development' }).click();
    await settle(page, h1(page, 'Development'));
    const history = page.getByRole('table', { name: 'Deployment history' });
    await history.getByRole('row').nth(1).getByRole('link').first().click();
    await settle(page, h1(page, /^Deployment /));
    await page.goBack();
    await settle(page, h1(page, 'Development'));
    const count = page.getByText(/^\d+ deployments$/);
    await expect(count).toBeVisible();
    const before = Number((await count.textContent())!.split(' ')[0]);

    await page.getByRole('table', { name: 'Workloads' }).getByRole('link', { name: 'api', exact: true }).click();
    await settle(page, h1(page, 'api'));
    const image = page.getByLabel(/Image of container/);
    const next = 'registry.acme.dev/shop/api:9.9.9-faults';
    await image.fill(next);
    await page.getByLabel('Comment').fill('Deploy through faults');
    await page.getByRole('button', { name: 'Deploy to development' }).click();

    // The answer is lost: an actionable message and a Retry; the edit is still there.
    const failure = page.getByRole('alert').filter({ hasText: 'Could not deploy the change' });
    await expect(failure).toContainText('The API did not answer in time');
    await expect(failure).toContainText('Retrying is safe');
    await expect(image).toHaveValue(next);
    await expectNoAxeViolations(page);
    await failure.getByRole('button', { name: 'Retry' }).click();

    // The retry carries the same Idempotency-Key: the engine answers the deployment it already made.
    await settle(page, h1(page, /^Deployment /));
    const status = page.getByRole('region', { name: 'Status' });
    await expect(status.getByText('Succeeded')).toBeVisible({ timeout: 30_000 });
    await status.getByRole('link', { name: 'development', exact: true }).click();
    await settle(page, h1(page, 'Development'));
    await expect(page.getByText(`${before + 1} deployments`)).toBeVisible();
    await expect(history.getByRole('link', { name: 'Deploy through faults' })).toHaveCount(1);
    await expect(page.getByRole('table', { name: 'Workloads' }).getByText(next, { exact: true })).toBeVisible();
  });
});

test.describe('two tabs of the demo', () => {
  // The refused deploy is a 409, which Chromium logs as a console error.
  test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 409 /] });

  // Two pages of one browser context share the demo's saved state; each runs
  // its own engine, kept in step by mocks/persistence/tab-sync.ts.
  async function openWorkload(page: Page, image: string) {
    await page.goto('/orgs/acme/apps/shop/envs/development/workloads/api');
    const input = page.getByLabel(/Image of container/);
    await input.fill(image);
    return input;
  }

  test('both deploy the same environment: one wins, the other sees the conflict and keeps its edit', async ({ context, page }) => {
    const tabA = page;
    const tabB = await context.newPage();
    await openWorkload(tabA, 'registry.acme.dev/shop/api:10.0.0-a');
    const inputB = await openWorkload(tabB, 'registry.acme.dev/shop/api:10.0.0-b');

    await tabA.getByRole('button', { name: 'Deploy to development' }).click();
    await expect(h1(tabA, /^Deployment /)).toBeVisible();

    await tabB.getByRole('button', { name: 'Deploy to development' }).click();
    const conflict = tabB.getByRole('alert').filter({ hasText: 'Could not deploy the change' });
    await expect(conflict).toContainText('Conflict');
    await expect(conflict).toContainText('changed since your edit started');
    await expect(inputB).toHaveValue('registry.acme.dev/shop/api:10.0.0-b');
    await expectNoAxeViolations(tabB);

    // Tab B goes ahead consciously, on top of A's deployment, once it has finished.
    await expect(tabA.getByRole('region', { name: 'Status' }).getByText('Succeeded')).toBeVisible({ timeout: 20_000 });
    await expect(tabB.getByText('Deployed: registry.acme.dev/shop/api:10.0.0-a')).toBeVisible();
    await conflict.getByRole('button', { name: 'Keep my edits on the latest deployment' }).click();
    await expect(inputB).toHaveValue('registry.acme.dev/shop/api:10.0.0-b');
    await tabB.getByRole('button', { name: 'Deploy to development' }).click();
    await expect(h1(tabB, /^Deployment /)).toBeVisible();
  });
});
