import type { Page } from '@playwright/test';
import {
  callApi,
  expect,
  expectNoAxeViolations,
  fixShopDevelopment,
  test,
} from './fixtures';

// The viewer's refused deploy below is a 403 on purpose; Chromium logs it as a console error.
test.use({
  allowedConsoleErrors: [
    /status of 403 \(Forbidden\) \(http:\/\/127\.0\.0\.1:\d+\/api\/orgs\/acme\/apps\/shop\/envs\/development\/deploys/,
  ],
});

/** A call of the console's API from the page, as the user of `token`. */
async function call(
  page: Page,
  method: string,
  path: string,
  body: unknown,
  token: string,
) {
  return (await callApi(page, method, path, { body, token })).status;
}

test('the audit log shows what was done, refused calls too, filters by user and object, and links to the object', async ({
  page,
}) => {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Applications' }),
  ).toBeVisible();
  // The console has no form to create an app: it is created through the API, as CI would.
  expect(
    await call(
      page,
      'POST',
      '/orgs/acme/apps',
      { id: 'audited', name: 'Audited' },
      'hum_demo_admin_token',
    ),
  ).toBe(201);

  // A deployment made in the console.
  await page.goto('/orgs/acme/apps/shop/envs/development/workloads/frontend');
  await page
    .getByLabel(/Image of container/)
    .fill('registry.acme.dev/shop/frontend:3.3.0');
  await page.getByRole('button', { name: 'Deploy to development' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^Deployment / }),
  ).toBeVisible();

  // A refused one: the viewer may not deploy.
  expect(
    await call(
      page,
      'POST',
      '/orgs/acme/apps/shop/envs/development/deploys',
      { comment: 'sneaky' },
      'hum_demo_viewer_token',
    ),
  ).toBe(403);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Audit log' }),
  ).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit log, newest first' });
  const rows = table.getByRole('row');
  await expect(rows.nth(1)).toContainText('Vic Viewer');
  await expect(rows.nth(1)).toContainText('Refused · 403');
  await expect(
    table
      .getByRole('row')
      .filter({ hasText: 'POST /orgs/acme/apps/shop/envs/development/deploys' })
      .filter({ hasText: 'Alex Admin' })
      .first(),
  ).toContainText('Succeeded · 201');
  await expect(
    table
      .getByRole('row')
      .filter({ hasText: /POST \/orgs\/acme\/apps(?!\/)/ })
      .first(),
  ).toContainText('Succeeded · 201');
  await expectNoAxeViolations(page);

  // By user: only the viewer's calls, and the URL says so.
  await page
    .getByLabel('User', { exact: true })
    .selectOption({ label: 'Vic Viewer' });
  await expect(page).toHaveURL(/[?&]user=vic-viewer/);
  await expect(rows.nth(1)).toContainText('Vic Viewer');
  for (const row of await rows.all())
    if ((await row.getByRole('cell').count()) > 0)
      await expect(row).toContainText('Vic Viewer');

  // By object: the app and environment, with anyone.
  await page
    .getByLabel('User', { exact: true })
    .selectOption({ label: 'Anyone' });
  await page.getByLabel('App', { exact: true }).selectOption({ label: 'Shop' });
  await page
    .getByLabel('Environment', { exact: true })
    .selectOption({ label: 'Development' });
  await expect(page).toHaveURL(/[?&]app=shop&env=development/);
  const deploys = table
    .getByRole('row')
    .filter({ hasText: 'Alex Admin' })
    .filter({ hasText: 'deployments of shop / development' })
    .first();
  await expect(deploys).toBeVisible();
  for (const row of await rows.all())
    if ((await row.getByRole('cell').count()) > 0)
      await expect(row).toContainText('/orgs/acme/apps/shop/envs/development');
  await expectNoAxeViolations(page);

  // The deep link opens the same view; the object's link leads to the environment.
  const filtered = page.url();
  await page.reload();
  await expect(page.getByLabel('Environment', { exact: true })).toHaveValue(
    'development',
  );
  await deploys
    .getByRole('link', { name: 'deployments of shop / development' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Development' }),
  ).toBeVisible();

  // A phone: no sideways scroll, still accessible.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(filtered);
  await expect(rows.nth(1)).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
});

test('the palette opens it, and the filters work by keyboard', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Applications' }),
  ).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('audit log');
  await expect(
    page
      .getByRole('dialog', { name: 'Command palette' })
      .getByRole('option')
      .first(),
  ).toContainText('Audit log');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Audit log' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/orgs\/acme\/audit-log$/);
  const time = page.getByLabel('Time', { exact: true });
  await time.focus();
  await expect(time).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('User', { exact: true })).toBeFocused();
  await page
    .getByLabel('Time', { exact: true })
    .selectOption({ label: 'Between dates (UTC)' });
  await expect(page.getByLabel('From (UTC)')).toBeVisible();
  await expect(page).toHaveURL(/range=custom/);
});

test('who changed staging: an approval and the deployment request through the pipeline are found by the environment they deploy to', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/orgs/acme/audit-log');
  // Smoke tests over the seed's failing development would fail before the approval: its frontend fixed first.
  await fixShopDevelopment(page);
  const requested = await callApi(
    page,
    'POST',
    '/orgs/acme/apps/shop/pipeline-runs',
    { body: { trigger: 'deployment_request', env_id: 'development' } },
  );
  expect(requested.status).toBe(201);
  const run = requested.json as { id: string; pipeline_id: string };
  const runPath = `/orgs/acme/apps/shop/pipelines/${run.pipeline_id}/runs/${run.id}`;
  let approval = '';
  await expect
    .poll(
      async () => {
        const waiting = (
          await callApi(
            page,
            'GET',
            `/orgs/acme/apps/shop/approvals?run=${run.id}&status=waiting`,
          )
        ).json as { id: string }[];
        approval = waiting[0]?.id ?? '';
        return approval;
      },
      { timeout: 60_000 },
    )
    .not.toBe('');
  expect(
    (
      await callApi(
        page,
        'POST',
        `${runPath}/jobs/promote-staging/approvals/${approval}/approve`,
        { body: { comment: 'Ship it' } },
      )
    ).status,
  ).toBe(200);

  await page.goto('/orgs/acme/audit-log?range=24h&app=shop&env=staging');
  const table = page.getByRole('table', { name: 'Audit log, newest first' });
  const approved = table.getByRole('row').filter({ hasText: 'Approved' });
  await expect(approved).toHaveCount(1);
  await expect(approved).toContainText(
    `run ${run.id} of pipeline shop / promote-to-staging`,
  );
  await expect(approved).toContainText('deployment to shop / staging');
  await expect(
    approved.getByRole('link', { name: 'shop / staging' }),
  ).toHaveAttribute('href', '/orgs/acme/apps/shop/envs/staging');
  // The request names the run it started (not "app shop") and where that run deploys.
  const request = table
    .getByRole('row')
    .filter({ hasText: 'POST /orgs/acme/apps/shop/pipeline-runs' });
  await expect(request).toHaveCount(1);
  await expect(request).toContainText(
    `run ${run.id} of pipeline shop / promote-to-staging`,
  );
  await expect(request).toContainText(
    'deploys to shop / development, shop / staging',
  );
  await expectNoAxeViolations(page);
});

test('a link with unknown filter values keeps them, says they are unknown and offers to clear them', async ({
  page,
}) => {
  await page.goto('/orgs/acme/audit-log?user=nobody&app=nope&env=zzz');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Audit log' }),
  ).toBeVisible();
  const app = page.getByLabel('App', { exact: true });
  await expect(app.locator('option:checked')).toHaveText('nope (no such app)');
  await expect(
    page.getByLabel('User', { exact: true }).locator('option:checked'),
  ).toHaveText('nobody (not a member)');
  await expect(
    page.getByLabel('Environment', { exact: true }).locator('option:checked'),
  ).toHaveText('zzz (no such environment)');
  await expect(app).toHaveAccessibleDescription(
    'There is no app “nope” in acme (deleted, or a mistyped link), so no environment “zzz” either: clearing the app clears it too.',
  );
  // The empty result says why instead of just "no calls".
  await expect(
    page.getByRole('region', { name: 'Recorded calls' }),
  ).toContainText(
    /No recorded calls match these filters.*There is no app “nope” in acme.*Clear them above/s,
  );
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Clear the app filter' }).click();
  await expect(app).toHaveValue('');
  await expect(app).toBeFocused();
  await expect(page).not.toHaveURL(/app=|env=/);
  await expect(page).toHaveURL(/user=nobody/);
  await page.getByRole('button', { name: 'Clear the user filter' }).click();
  await expect(page.getByLabel('User', { exact: true })).toHaveValue('');
  await expect(
    page.getByRole('list', { name: 'Unknown filters' }),
  ).not.toBeVisible();
});
