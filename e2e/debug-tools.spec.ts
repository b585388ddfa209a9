import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'yaml';
import { expect, expectNoAxeViolations, test } from './fixtures';

// Issue 23's "done when" (§1 and §2): from a crash-looping workload to the environment's stream, then "Run
// locally" with a local postgres giving the environment's variables, secrets absent.

test('from a crash-looping workload, the environment stream shows its crash lines and back-off events', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps/shop/envs/staging');
  const health = page.getByRole('region', { name: 'Health' });
  await expect(health).toContainText(/cart/);
  await health.getByRole('link', { name: 'Lines and events of cart' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Logs and events of staging' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/only=cart%2Fcart&level=warn/);
  const log = page.getByRole('log', { name: 'Log lines of every workload' });
  await expect(
    log.getByText('Process exited with status 1').first(),
  ).toBeVisible();
  const events = page.getByRole('region', { name: 'Kubernetes events' });
  await expect(
    events
      .getByText(/Back-off restarting failed container cart in pod cart-/)
      .first(),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // The view is in the URL: a reload shows the same filters.
  await page.getByLabel('Text').fill('exited');
  await expect(page).toHaveURL(/q=exited/);
  await page.reload();
  await expect(page.getByLabel('Text')).toHaveValue('exited');
  await expect(page.getByLabel('Level')).toHaveValue('warn');
  await expect(
    log.getByText('Process exited with status 1').first(),
  ).toBeVisible();
});

test('"Run locally" downloads a bundle with a local postgres and the environment’s variables, secrets absent', async ({
  page,
}) => {
  const workload = '/orgs/acme/apps/shop/envs/development/workloads/api';
  await page.goto(workload);
  // What the deployment filled in the environment.
  const filled = page.getByRole('table', { name: 'Filled placeholders' });
  const hostRow = filled.getByRole('row', { name: /DB_HOST/ });
  await expect(hostRow).toBeVisible();
  const dbHost = (await hostRow.locator('td').last().innerText()).trim();
  expect(dbHost).not.toBe('');

  await page.getByRole('link', { name: 'Run locally' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Run api locally' }),
  ).toBeVisible();
  const resources = page.getByRole('region', { name: 'Resources it reads' });
  await expect(
    resources.getByRole('combobox', { name: 'Where shared.db comes from' }),
  ).toHaveValue('local');
  await expect(
    resources.getByRole('row', { name: /shared\.db/ }),
  ).toContainText('postgres:16');
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as zip' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(
    'shop-development-api-local-run.zip',
  );
  const files = unzipSync(readFileSync((await download.path())!));
  const compose = parse(
    strFromU8(files['shop-development-api/compose.yaml']),
  ) as {
    services: Record<
      string,
      { image: string; environment?: Record<string, string> }
    >;
  };
  expect(compose.services['shared-db'].image).toBe('postgres:16');
  expect(compose.services.api.environment?.DB_HOST).toBe(dbHost);
  const env = strFromU8(files['shop-development-api/.env']);
  expect(env).toContain("The environment's secrets are not included");
  expect(env).not.toContain('WARNING');
});
