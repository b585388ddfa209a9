import { callApi, expect, expectNoAxeViolations, test } from './fixtures';

// The tests call the API directly with a forbidden request on purpose, and open an app the member has no role on;
// Chromium logs each 403 as a console error. (One pattern: Playwright takes a two-element array for an option
// as a value and its fixture options.)
test.use({
  allowedConsoleErrors: [
    /status of 403 \(Forbidden\) \(http:\/\/127\.0\.0\.1:\d+\/api\/orgs\/acme\/apps\/(shop\/(envs\/development\/deploys|deltas)|treasury[/?:])/,
  ],
});

test('a viewer cannot deploy: the button says which role is needed and the API refuses with 403', async ({
  page,
}) => {
  await page.goto('/orgs/acme/settings');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Organisation settings' }),
  ).toBeVisible();
  await page
    .getByLabel('Act as')
    .selectOption({ label: 'Vic Viewer (orgViewer)' });
  await expect(page.getByLabel('Act as')).toHaveValue('hum_demo_viewer_token');
  await expect(
    page
      .getByRole('region', { name: 'API tokens' })
      .getByRole('paragraph')
      .filter({
        hasText:
          /Managing members, service users and tokens needs the administrator role/,
      }),
  ).toBeVisible();
  await expect(
    page.getByLabel('Role of Alex Admin', { exact: true }),
  ).toBeDisabled();
  await expectNoAxeViolations(page);

  await page.goto('/orgs/acme/apps/shop/envs/development/workloads/frontend');
  await expect(
    page.getByRole('heading', { level: 1, name: 'frontend' }),
  ).toBeVisible();
  await page
    .getByLabel(/Image of container/)
    .fill('registry.acme.dev/shop/frontend:3.3.0');
  const deploy = page.getByRole('button', { name: 'Deploy to development' });
  await expect(deploy).toBeDisabled();
  await deploy.focus();
  await expect(page.getByRole('tooltip')).toContainText(
    'needs the developer or owner role on app shop and the deployer role on environment type development',
  );
  await expectNoAxeViolations(page);

  const refused = await callApi(
    page,
    'POST',
    '/orgs/acme/apps/shop/envs/development/deploys',
    { body: { comment: 'sneaky' }, token: 'hum_demo_viewer_token' },
  );
  expect(refused.status).toBe(403);
  const body = refused.json as { error: string; message: string };
  expect(body.error).toBe('API-403');
  expect(body.message).toMatch(
    /^Deploying to shop\/development needs the developer or owner role on app shop/,
  );
  // The draft survives: it is still there after a reload.
  await page.reload();
  await expect(page.getByLabel(/Image of container/)).toHaveValue(
    'registry.acme.dev/shop/frontend:3.3.0',
  );
});

test('a new token is shown once, works, and records its last use', async ({
  page,
}) => {
  await page.goto('/orgs/acme/settings');
  await expect(
    page.getByRole('heading', { name: 'Members and service users' }),
  ).toBeVisible();
  await page.getByLabel('New service user').fill('CI bot');
  await page.getByLabel('Role', { exact: true }).selectOption('manager');
  await page.getByRole('button', { name: 'Create service user' }).click();
  await expect(
    page.getByRole('table', { name: 'Members of acme' }).getByText('CI bot'),
  ).toBeVisible();

  await page.getByLabel('Token id').fill('ci-read');
  await page
    .getByLabel('Description')
    .fill('Read-only token for the dashboard');
  await page.getByLabel('Read-only').check();
  await page.getByRole('button', { name: 'Create token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Token ci-read created' });
  await expect(dialog).toContainText('shown only once');
  const secret = (await dialog
    .getByTestId('token-secret')
    .textContent())!.trim();
  expect(secret).toMatch(/^hum_[0-9a-f]{60}$/);
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText(secret)).toHaveCount(0);
  const row = page
    .getByRole('table', { name: 'API tokens' })
    .getByRole('row', { name: /ci-read/ });
  await expect(row).toContainText('read-only');
  await expect(row).toContainText('Never');
  await page.reload();
  await expect(row).toContainText('read-only');
  await expect(page.getByText(secret)).toHaveCount(0);

  const answers = {
    read: (await callApi(page, 'GET', '/orgs/acme/apps', { token: secret }))
      .status,
    write: (
      await callApi(page, 'POST', '/orgs/acme/apps/shop/deltas', {
        body: {},
        token: secret,
      })
    ).status,
  };
  expect(answers).toEqual({ read: 200, write: 403 });

  // Back to the settings: the list is fetched again and shows the use. (The apps page first: a click on the
  // settings while the apps page still loads would stay on the settings page, mounted, without fetching again.)
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Apps' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Applications' }),
  ).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Organisation settings' })
    .click();
  const after = page
    .getByRole('table', { name: 'API tokens' })
    .getByRole('row', { name: /ci-read/ });
  await expect(after).not.toContainText('Never');
  await after
    .getByRole('button', { name: 'Revoke token ci-read of ci-bot' })
    .click();
  await expect(page.getByText('No tokens yet')).toBeVisible();
  await expectNoAxeViolations(page);
});

// RBAC as Humanitec documents it: a member sees the apps she has a role on; administrators (and orgViewers) see all.
test('a member sees only the apps she has a role on: in the list, in the palette, and a 403 for the others', async ({
  page,
}) => {
  await page.goto('/orgs/acme/settings');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Organisation settings' }),
  ).toBeVisible();
  // Alex (administrator, the default user) creates an app: he owns it, and Dana has no role on it.
  const { status: created } = await callApi(page, 'POST', '/orgs/acme/apps', {
    body: { id: 'treasury', name: 'Treasury' },
  });
  expect(created).toBe(201);
  await page
    .getByLabel('Act as')
    .selectOption({ label: 'Dana Developer (member, developer)' });
  await expect(page.getByLabel('Act as')).toHaveValue(
    'hum_demo_developer_token',
  );

  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Applications' }),
  ).toBeVisible();
  const apps = page.getByRole('table', { name: 'Applications' });
  for (const name of ['Shop', 'Payments', 'Identity', 'Analytics', 'Docs Site'])
    await expect(apps.getByRole('link', { name })).toBeVisible();
  await expect(apps.getByRole('link', { name: 'Treasury' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await page.keyboard.press('Control+k');
  await expect(palette).toBeVisible();
  await page.keyboard.type('shop');
  await expect(palette.getByRole('option').first()).toContainText('Shop');
  await palette.getByRole('combobox').fill('treasury');
  await expect(palette).toContainText('Nothing matches “treasury”.');
  await expect(palette.getByRole('option', { name: /Treasury/ })).toHaveCount(
    0,
  );
  await page.keyboard.press('Escape');

  // The app's own page: the API refuses with a 403 naming the role she lacks.
  await page.goto('/orgs/acme/apps/treasury');
  await expect(
    page
      .getByText(
        /needs the viewer, developer or owner role on app treasury \(you are member of organisation acme/,
      )
      .first(),
  ).toBeVisible();

  // Alex sees it.
  await page.goto('/orgs/acme/settings');
  await page
    .getByLabel('Act as')
    .selectOption({ label: 'Alex Admin (administrator)' });
  await expect(page.getByLabel('Act as')).toHaveValue('hum_demo_admin_token');
  await page.goto('/');
  await expect(
    page
      .getByRole('table', { name: 'Applications' })
      .getByRole('link', { name: 'Treasury' }),
  ).toBeVisible();
});
