import { mkdirSync } from 'node:fs';
import { expect, expectNoAxeViolations, test } from './fixtures';

/**
 * The README's screenshots, made by the suite so they stay current. They are
 * written to e2e/.output/screenshots; `SCREENSHOT_DIR=e2e/screenshots` (see
 * `npm run screenshots`) writes the committed copies.
 */
const dir = process.env.SCREENSHOT_DIR ?? 'e2e/.output/screenshots';

for (const theme of ['light', 'dark'] as const) {
  test(`main pages in the ${theme} theme`, async ({ page }) => {
    mkdirSync(dir, { recursive: true });
    await page.addInitScript(
      (t) => localStorage.setItem('console:theme', t),
      theme,
    );
    await page.setViewportSize({ width: 1280, height: 860 });

    await page.goto('/orgs/acme/apps/shop/envs/staging');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Staging' }),
    ).toBeVisible();
    await expect(
      page
        .getByRole('table', { name: 'Workloads' })
        .getByText('CrashLoopBackOff')
        .first(),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${dir}/environment-${theme}.png` });

    await page.goto('/orgs/acme/apps');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Applications' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${dir}/apps-${theme}.png` });
  });
}

test('phone widths (390 px), both themes', async ({ page }) => {
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [theme, url, heading, file] of [
    ['light', '/orgs/acme/apps', 'Applications', 'phone-apps-light'],
    [
      'dark',
      '/orgs/acme/apps/payments/envs/staging',
      'Staging',
      'phone-environment-dark',
    ],
  ] as const) {
    await page.goto(url);
    await page.evaluate((t) => localStorage.setItem('console:theme', t), theme);
    await page.reload();
    await expect(
      page.getByRole('heading', { level: 1, name: heading }),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${dir}/${file}.png` });
  }
});

test('a deployment diff, light theme', async ({ page }) => {
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto('/orgs/acme/apps/shop/envs/staging');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Staging' }),
  ).toBeVisible();
  await page
    .getByRole('link', { name: 'Compare with previous' })
    .first()
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Compare deployments' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Summary' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${dir}/diff-light.png` });
});

test('a failed deployment’s resource graph and which definition matches, dark theme', async ({
  page,
}) => {
  mkdirSync(dir, { recursive: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto('/orgs/acme/apps/payments/envs/staging');
  await page
    .getByRole('link', { name: /^Open deployment / })
    .first()
    .click();
  const graph = page.getByRole('heading', { name: 'Resource graph' });
  await expect(graph).toBeVisible();
  await expect(
    page.getByRole('button', { name: /Show in graph/ }).first(),
  ).toBeVisible();
  await page.waitForFunction(
    () => !document.querySelector('[aria-busy="true"], .skeleton'),
  );
  await graph.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -16));
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${dir}/graph-dark.png` });

  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(
    '/orgs/acme/resources/match?app=payments&env=staging&type=postgres&res=shared.ledger-db',
  );
  await expect(
    page.getByRole('table', { name: 'Every definition of the type, ranked' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${dir}/match-light.png` });
});
