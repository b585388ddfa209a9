import { expect, expectNoAxeViolations, test } from './fixtures';

test('a crash-looping workload’s runtime panel: last termination shown, pods running not failed, the table fits', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps/shop/envs/staging?workload=cart');
  const panel = page.getByRole('dialog', { name: 'Workload cart' });
  const pods = panel.getByRole('table', { name: 'Pods of cart' });
  // A deep link boots the embedded engine and its runtime first: generous under a loaded CPU.
  await expect(pods).toContainText('CrashLoopBackOff', { timeout: 60_000 });
  const first = pods.getByRole('row').nth(1);
  await expect(first.getByRole('cell').nth(0)).toContainText(
    'Running, not ready',
  );
  await expect(first.getByRole('cell').nth(3)).toContainText(
    'Error (exit code 1)',
  );
  // Every column is inside the panel: nothing clipped, no sideways scroll of the table.
  const fit = await pods.evaluate((table) => {
    const box = table.getBoundingClientRect();
    const dialog = table.closest('[role="dialog"]')!.getBoundingClientRect();
    const cells = [...table.querySelectorAll('th, td')].map(
      (c) => c.getBoundingClientRect().right,
    );
    return {
      table: box.right,
      dialog: dialog.right,
      cells: Math.max(...cells),
      scroll:
        table.parentElement!.scrollWidth - table.parentElement!.clientWidth,
    };
  });
  expect(fit.scroll).toBeLessThanOrEqual(0);
  expect(fit.cells).toBeLessThanOrEqual(fit.dialog);
  await expectNoAxeViolations(page);
});

test('the environment says why its deployment succeeded while it failed', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps/shop/envs/staging');
  const current = page.getByRole('region', { name: 'Current deployment' });
  await expect(current).toContainText('Succeeded');
  await expect(current).toContainText(
    'The deployment succeeded: every workload and resource was rolled out. The environment has failed since; the health above says why',
  );
});

test('the canary page before any canary ran says how to start one', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps/shop/envs/production/canary');
  await expect(
    page.getByText('No canary release has run in production yet'),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Not found' }),
  ).toHaveCount(0);
  await expectNoAxeViolations(page);
});
