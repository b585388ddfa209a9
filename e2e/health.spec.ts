import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

// With the console's animations on (the suite runs with reduced motion: playwright.config.ts).
test.use({ reducedMotion: 'no-preference' });

/** The environment page's health banner (the region named "Health"). */
const healthOf = (page: Page) => page.getByRole('region', { name: 'Health' });

const FAULTS = [
  {
    fault: 'bad image',
    at: 'shop/development',
    state: 'Failed',
    cause:
      'Workload frontend: container frontend cannot pull its image (ImagePullBackOff) in 1 of 1 replica.',
    hint: 'The image cannot be pulled.',
  },
  {
    fault: 'crash',
    at: 'shop/staging',
    state: 'Failed',
    cause:
      'Workload cart: container cart keeps crashing (CrashLoopBackOff) in 2 of 2 replicas.',
    hint: 'The container keeps crashing.',
  },
  {
    fault: 'out of memory',
    at: 'payments/development',
    state: 'Failed',
    cause:
      'Workload ledger-worker: container ledger-worker was killed for running out of memory (OOMKilled) in 1 of 1 replica.',
    hint: 'Out of memory.',
  },
  {
    fault: 'failed resource',
    at: 'payments/staging',
    state: 'Failed',
    cause:
      /^Deployment \w+ failed: shared resource ledger-db \(postgres\) could not be provisioned: PostgreSQL version "18" is not supported/,
    hint: 'Resource provisioning failed.',
  },
  {
    fault: 'configuration error',
    at: 'identity/development',
    state: 'Failed',
    cause:
      'Workload auth-api: container auth-api cannot be configured (CreateContainerConfigError) in 2 of 2 replicas.',
    hint: 'The container cannot be configured.',
  },
  {
    fault: 'degraded replicas',
    at: 'analytics/production',
    state: 'Degraded',
    cause:
      'Workload collector: container collector keeps crashing (CrashLoopBackOff) in 1 of 3 replicas.',
    hint: 'The container keeps crashing.',
  },
];

for (const { fault, at, state, cause, hint } of FAULTS) {
  test(`${fault}: ${at} names the root cause and the fix first`, async ({
    page,
  }) => {
    const [app, env] = at.split('/');
    await page.goto(`/orgs/acme/apps/${app}/envs/${env}`);
    const health = healthOf(page);
    await expect(health.locator('.banner__summary')).toHaveText(cause);
    await expect(health.locator('.status-badge').first()).toHaveText(state);
    await expect(health.getByText(hint, { exact: true })).toBeVisible();
    await expect(health.getByText('How to fix it:')).toBeVisible();
    // The verdict comes before everything else on the page.
    const order = await page
      .locator('main section')
      .evaluateAll((sections) =>
        sections.map((s) => s.getAttribute('aria-label') ?? ''),
      );
    expect(order[0]).toBe('Health');
    await expectNoAxeViolations(page);
  });
}

test('the landing lists what needs attention; the app shows environments × workloads', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps');
  const attention = page.getByRole('region', { name: 'Needs attention' });
  await expect(attention.getByRole('listitem')).toHaveCount(7);
  const first = attention.getByRole('listitem').first();
  await expect(first).toContainText('Payments / Staging');
  await expectNoAxeViolations(page);

  // On a phone a long cause is cut to three lines (its whole text is still the item's, and the
  // environment's page shows it): seven of them would otherwise fill screen after screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const cause = first.getByText(/^Deployment \w+ failed: shared resource/);
  await expect(cause).toContainText('then deploy again.');
  await expect
    .poll(() =>
      // Lines of text (inline code makes a line a little taller than the line height).
      cause.evaluate(
        (el) =>
          el.getBoundingClientRect().height /
          parseFloat(getComputedStyle(el).lineHeight),
      ),
    )
    .toBeLessThan(3.5);
  await page.setViewportSize({ width: 1280, height: 800 });

  await attention.getByRole('link', { name: 'Shop / Staging' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Staging' }),
  ).toBeVisible();
  await expect(healthOf(page)).toContainText('keeps crashing');

  await page.goto('/orgs/acme/apps/shop');
  const matrix = page.getByRole('table', { name: 'Environments' });
  const cart = matrix.getByRole('row', { name: /^cart/ });
  // The staging column, wherever it stands (environments are ordered by type: shop's GitOps preview is a
  // development environment, so it comes second).
  const headers = await matrix.getByRole('columnheader').allTextContents();
  const staging = cart
    .getByRole('cell')
    .nth(headers.findIndex((h) => h.startsWith('Staging')) - 1);
  await expect(staging).toContainText('Failed');
  await expect(staging).toContainText('CrashLoopBackOff');
  await expect(
    matrix.getByRole('row', { name: /^Last deployment/ }),
  ).toContainText('by dana-dev');
  await expectNoAxeViolations(page);
});

test('from the root cause to the crashing container’s logs, followed live, closed with Escape', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps/shop/envs/staging');
  await healthOf(page).getByRole('link', { name: 'Show logs of cart' }).click();
  const panel = page.getByRole('dialog', { name: 'Workload cart' });
  await expect(
    panel.getByRole('table', { name: 'Pods of cart' }),
  ).toContainText('CrashLoopBackOff');
  const log = panel.getByRole('log', { name: 'Logs of cart' });
  await expect(log).toContainText('Process exited with status 1');
  await expect(page).toHaveURL(/\?workload=cart&container=cart$/);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page).toHaveURL(/\/envs\/staging$/);
});

test('a failed deployment opens the failed step with the full error, code, hint and a diff link', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps/payments/envs/staging');
  await healthOf(page)
    .getByRole('link', { name: /^Open deployment/ })
    .click();
  const why = page.locator('section', {
    has: page.getByRole('heading', { name: 'Why it failed' }),
  });
  await expect(why).toContainText(
    'Step 3 of 6 failed: Provision shared resource ledger-db (postgres)',
  );
  const steps = why
    .getByRole('list', { name: 'Deployment steps' })
    .getByRole('listitem');
  await expect(steps.nth(2)).toContainText('RES-PROV-001');
  await expect(steps.nth(2)).toContainText(
    'PostgreSQL version "18" is not supported',
  );
  await expect(steps.nth(2)).toContainText('Resource provisioning failed.');
  await expect(steps.nth(3)).toContainText('Skipped');
  await expect(
    why.getByRole('link', { name: 'Compare with the previous deployment' }),
  ).toHaveAttribute(
    'href',
    /^\/orgs\/acme\/apps\/payments\/diff\?from=staging\/\w+&to=staging\/\w+$/,
  );
  await expectNoAxeViolations(page);
});

test('pause and resume an environment with confirmation; production asks for its id', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps/shop/envs/production');
  await expect(healthOf(page)).toContainText('All 4 workloads are healthy.');
  const pause = page.getByRole('button', { name: 'Pause environment' });
  // By keyboard: Escape closes the dialog and focus is back on the button that opened it. The button is
  // disabled until the runtime says whether the environment is paused (a disabled button takes no focus).
  await expect(pause).toBeEnabled();
  await pause.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Pause Production?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(pause).toBeFocused();
  await pause.click();
  await expect(dialog).toContainText('scaled to 0 replicas and stops serving');
  await expectNoAxeViolations(page);
  const confirm = dialog.getByRole('button', { name: 'Pause production' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type production to confirm').fill('production');
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(healthOf(page)).toContainText(
    'Environment production is paused',
  );
  await expect(
    page.getByRole('heading', { level: 1 }).locator('..'),
  ).toContainText('Paused');

  await page.getByRole('button', { name: 'Resume environment' }).click();
  const resume = page.getByRole('dialog', { name: 'Resume Production?' });
  await resume.getByLabel('Type production to confirm').fill('production');
  await resume.getByRole('button', { name: 'Resume production' }).click();
  await expect(healthOf(page)).toContainText('All 4 workloads are healthy.');
});

test('scale a workload with confirmation', async ({ page }) => {
  await page.goto('/orgs/acme/apps/shop/envs/development');
  await page
    .getByRole('table', { name: 'Workloads' })
    .getByRole('button', { name: 'Runtime and logs of api' })
    .click();
  const panel = page.getByRole('dialog', { name: 'Workload api' });
  await expect(
    panel.getByText('2/2 replicas ready · 0 restarts'),
  ).toBeVisible();
  await panel.getByRole('button', { name: 'Scale api' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scale api in development' });
  await dialog.getByLabel('Replicas of api').fill('3');
  await expect(dialog).toContainText('api goes from 2 to 3 replicas.');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Scale to 3' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    panel.getByText('3/3 replicas ready · 0 restarts'),
  ).toBeVisible();
});

test('the environment page is accessible in the dark theme and at a narrow width', async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem('console:theme', 'dark'));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/orgs/acme/apps/payments/envs/staging');
  await expect(healthOf(page)).toContainText('could not be provisioned');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoAxeViolations(page);
  await page.screenshot({
    path: 'e2e/.output/health-env-dark-narrow.png',
    fullPage: true,
  });
});
