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

// Issue 23 §3: a debug container on the crash-looping pod, a shell in a running container, the commands for a
// real cluster; the terminal takes focus and Escape gives it back to the button that opened it.
test('a debug container on the crash-looping cart answers ps and logs; Escape returns to its button', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps/shop/envs/staging?workload=cart');
  const panel = page.getByRole('dialog', { name: 'Workload cart' });
  const debug = panel
    .getByRole('button', {
      name: /^Attach a debug container \(busybox\) to cart-/,
    })
    .first();
  await debug.click();
  const shell = panel.getByRole('region', {
    name: /^Debug container \(busybox\) on cart-/,
  });
  const input = shell.getByRole('textbox', { name: /^Terminal: / });
  await expect(input).toBeFocused();
  const screen = shell.getByTestId('terminal');
  await expect(screen).toContainText("Attached ephemeral container 'debugger'");
  await page.keyboard.type('ps');
  await page.keyboard.press('Enter');
  await expect(screen).toContainText('<defunct>');
  await expect(screen).toContainText(/cart is CrashLoopBackOff/);
  await page.keyboard.type('logs -n 5');
  await page.keyboard.press('Enter');
  await expect(screen).toContainText('(as kubectl logs --previous)');
  await page.keyboard.type('curl http://api');
  await page.keyboard.press('Enter');
  await expect(screen).toContainText('sh: curl: not found');
  await expectNoAxeViolations(page);

  await page.keyboard.press('Escape');
  await expect(debug).toBeFocused();
  await expect(panel).toBeVisible();

  await shell
    .getByText('Commands for a real cluster (kubectl, humctl)')
    .click();
  await expect(shell).toContainText(
    /kubectl --context \S+ --namespace shop-staging debug -it cart-\S+ --image=busybox:1\.36 --target=cart -- sh/,
  );
});

test('at 390 px a shell in the running api answers printenv with the environment’s value, and exit ends it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/orgs/acme/apps/shop/envs/development?workload=api');
  const panel = page.getByRole('dialog', { name: 'Workload api' });
  await panel
    .getByRole('button', { name: /^Open a shell in api of api-/ })
    .first()
    .click();
  const shell = panel.getByRole('region', { name: /^Shell in api of api-/ });
  const screen = shell.getByTestId('terminal');
  await expect(
    shell.getByRole('textbox', { name: /^Terminal: / }),
  ).toBeFocused();
  await page.keyboard.type('printenv DB_HOST');
  await page.keyboard.press('Enter');
  await expect(screen).toContainText(/printenv DB_HOST\s*\S+/);
  await page.keyboard.type('exit');
  await page.keyboard.press('Enter');
  await expect(shell).toContainText('The session has ended.');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});

test('at 390 px the stream’s lines keep their whole text and scroll sideways inside the list', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/orgs/acme/apps/shop/envs/staging/stream?only=cart%2Fcart');
  const log = page.getByRole('log', { name: 'Log lines of every workload' });
  const line = log.getByText('Process exited with status 1').first();
  await expect(line).toBeVisible();
  const fits = await line.evaluate((el) => {
    const row = el.closest('.env-stream__line') ?? el;
    return row.scrollWidth <= row.clientWidth + 1;
  });
  expect(fits).toBe(true);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
