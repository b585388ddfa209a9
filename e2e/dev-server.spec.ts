import { expect, expectNoAxeViolations, test } from './fixtures';
import { BASE_URL, DEV_BASE_URL } from './ports';

// With the console's animations on (the suite runs with reduced motion: playwright.config.ts).
test.use({ reducedMotion: 'no-preference' });

/**
 * What a newcomer gets from `npm install && npm start`: the Vite dev server on
 * the embedded engine (playwright.config.ts starts it with `npm start`). The
 * fixture fails the test on any console error or page error, so a CSP that
 * blocks the dev server's inline preamble (a blank page) fails here.
 */

// The dev server transforms modules on first request and may still be
// pre-bundling dependencies when the suite starts: generous, condition-based waits.
const FIRST_LOAD = { timeout: 90_000 };

test('npm start serves a working console: landing -> app -> environment', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const response = await page.goto(`${DEV_BASE_URL}/`);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain(
    "frame-ancestors 'none'",
  );
  expect(headers['content-security-policy']).not.toContain("'unsafe-inline' ");
  expect(headers['content-security-policy']).toMatch(
    /script-src 'self' 'unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/,
  );
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');

  await expect(
    page.getByRole('heading', { level: 1, name: 'Applications' }),
  ).toBeVisible(FIRST_LOAD);
  await expect(
    page.getByRole('heading', { name: 'Needs attention' }),
  ).toBeVisible(FIRST_LOAD);
  await expectNoAxeViolations(page);

  await page
    .getByRole('table', { name: 'Applications' })
    .getByRole('link', { name: 'Shop' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Shop' }),
  ).toBeVisible(FIRST_LOAD);

  await page
    .getByRole('table', { name: 'Environments' })
    .getByRole('link', { name: 'Development' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Development' }),
  ).toBeVisible(FIRST_LOAD);
  await expect(
    page
      .getByRole('table', { name: 'Workloads' })
      .getByText('ImagePullBackOff'),
  ).toBeVisible(FIRST_LOAD);
  await expectNoAxeViolations(page);

  // A deep link loads straight into its page too.
  await page.goto(`${DEV_BASE_URL}/orgs/acme/apps/payments/envs/staging`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Staging' }),
  ).toBeVisible(FIRST_LOAD);

  // A reload revalidates the cached page (If-None-Match): the answer must still allow the preamble, or the
  // console does not start (a CSP error, which the fixture fails on).
  const reloaded = await page.reload();
  expect(reloaded!.status()).toBe(200);
  expect(reloaded!.headers()['content-security-policy']).toMatch(
    /script-src 'self' 'unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/,
  );
  await expect(
    page.getByRole('heading', { level: 1, name: 'Staging' }),
  ).toBeVisible(FIRST_LOAD);
});

test('the production build is served with the same security headers', async ({
  page,
}) => {
  const response = await page.goto(`${BASE_URL}/`);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain(
    "script-src 'self' 'unsafe-eval'",
  );
  expect(headers['content-security-policy']).not.toContain('sha256-');
  expect(headers['content-security-policy']).toContain(
    "frame-ancestors 'none'",
  );
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Applications' }),
  ).toBeVisible();
});

test.describe('before any script runs', () => {
  test.use({ javaScriptEnabled: false });

  test('the first paint is the console skeleton, not a blank page', async ({
    page,
  }) => {
    await page.goto(`${BASE_URL}/`);
    await expect(
      page.getByRole('status', { name: 'Loading the console' }),
    ).toBeVisible();
    await expect(page.getByText('Platform Console')).toBeVisible();
  });
});
