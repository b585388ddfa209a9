import { expect, expectNoAxeViolations, test } from './fixtures';

test('the fleet shows every organisation, the inbox, drift from a chosen baseline and a rollout', async ({
  page,
}) => {
  test.setTimeout(60_000); // the rollout's step takes 10 s of real time in the embedded engine
  await page.goto('/orgs/acme/apps');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Fleet' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Fleet' }),
  ).toBeVisible();

  const orgs = page.getByRole('region', {
    name: 'Organisations',
    exact: true,
  });
  await expect(
    orgs.getByRole('row', { name: /Globex Corporation/ }),
  ).toContainText('Failed');
  await expect(orgs.getByRole('row', { name: /Initech/ })).toContainText(
    'Degraded',
  );
  // Five differences from acme, one of them acme's environment type preview.
  await expect(
    orgs.getByRole('row', { name: /Globex Corporation/ }),
  ).toContainText('5 differences');

  const inbox = page.getByRole('region', {
    name: 'Needs attention across organisations',
  });
  await expect(
    inbox.getByRole('link', { name: 'Billing / Development' }),
  ).toBeVisible();

  const drift = page.getByRole('region', { name: 'Configuration drift' });
  await expect(
    drift.getByRole('row', {
      name: /Globex Corporation Workload profile web-service Behind 1\.0\.0 0\.9\.0/,
    }),
  ).toBeVisible();
  await expect(
    drift.getByRole('row', {
      name: /Initech Environment type staging Missing/,
    }),
  ).toBeVisible();
  // Pipelines are those the pipelines API lists (acme has only promote-to-staging).
  await expect(
    drift.getByRole('row', {
      name: /Globex Corporation Pipeline promote-to-staging Different revision 1, definition [\w-]{7} revision 1, definition [\w-]{7}/,
    }),
  ).toBeVisible();
  await expect(
    drift.getByRole('row', {
      name: /Pipeline (ci-default|promote-to-production)/,
    }),
  ).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Roll acme's worker profile out to Globex: its drift shrinks when the step is done.
  const rollout = page.getByRole('region', {
    name: 'Roll out a workload profile',
  });
  await rollout
    .getByLabel('Profile of Acme Corp (the baseline)')
    .selectOption('worker');
  // Each organisation says where it stands with that profile.
  const globex = rollout.getByRole('checkbox', {
    name: /^Globex Corporation \((has [\d.]+|does not have it)\)$/,
  });
  await expect(globex).toBeEnabled();
  await globex.check();
  const rollOut = rollout.getByRole('button', {
    name: 'Roll out to 1 organisation',
  });
  await rollOut.click();
  // It asks first, naming the profile, its version and the organisations that change.
  const confirm = page.getByRole('dialog', {
    name: 'Roll out worker 1.0.0 to 1 organisation?',
  });
  await expect(confirm).toContainText(
    'workload profile worker 1.0.0 of Acme Corp',
  );
  await expect(
    confirm
      .getByRole('list', { name: 'Organisations that change' })
      .getByRole('listitem'),
  ).toHaveText([/^Globex Corporation \((has [\d.]+|does not have it)\)$/]);
  await expectNoAxeViolations(page);
  // Escape starts nothing and gives focus back to the button.
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(rollOut).toBeFocused();
  await expect(rollout.getByRole('progressbar')).toHaveCount(0);
  await rollOut.click();
  await confirm
    .getByRole('button', { name: 'Roll out to 1 organisation' })
    .click();
  await expect(
    rollout.getByRole('progressbar', {
      name: /Rollout of worker 1\.0\.0: 0 of 1/,
    }),
  ).toBeVisible();
  // The button is disabled now (nothing chosen): focus is on the rollouts, the new one among them.
  await expect(rollout.getByRole('list', { name: 'Rollouts' })).toBeFocused();
  await expect(
    rollout.getByRole('progressbar', {
      name: /Rollout of worker 1\.0\.0: 1 of 1/,
    }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(
    orgs.getByRole('row', { name: /Globex Corporation/ }),
  ).toContainText('4 differences');
  // Globex has it now: nothing more to roll out there.
  await expect(
    rollout.getByRole('checkbox', {
      name: 'Globex Corporation (has 1.0.0 already)',
    }),
  ).toBeDisabled();

  // At 390 px: nothing scrolls sideways, and axe passes.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(rollout).toBeVisible();
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    ),
  ).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  // Another baseline turns the comparison around (and is kept in the URL).
  await drift.getByLabel('Baseline organisation').selectOption('initech');
  await expect(page).toHaveURL(/baseline=initech/);
  await expect(
    drift.getByRole('row', {
      name: /Acme Corp Environment type staging Extra/,
    }),
  ).toBeVisible();
});

test('team performance shows DORA figures with tiers, N/A where there is no data, and a chart with its table', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Team performance' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Team performance' }),
  ).toBeVisible();

  const cards = page.getByRole('list', { name: 'Key metrics' });
  await expect(
    cards
      .getByRole('listitem')
      .filter({ hasText: 'Deployment frequency' })
      .first(),
  ).toContainText(/a (day|week)/);
  await expect(
    page.getByRole('img', {
      name: /Bar chart of production deployments per day/,
    }),
  ).toBeVisible();
  await page.getByText('Show the data as a table').click();
  await expect(
    page
      .getByRole('table', { name: 'Production deployments per day' })
      .getByRole('row'),
  ).toHaveCount(31);

  const perApp = page.getByRole('table', { name: 'Per application' });
  // identity has no production environment: every figure is N/A with no tier, never 0 or "Low".
  const identity = perApp.getByRole('row', { name: /^Identity/ });
  for (const metric of [0, 1, 2, 3])
    await expect(identity.getByRole('cell').nth(metric)).toHaveText(
      /^N\/A\s*N\/A$/,
    );
  await expect(
    page
      .getByRole('table', { name: 'Per team' })
      .getByRole('row', { name: /^Storefront/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('combobox', { name: 'Window' }).selectOption('90d');
  await expect(page).toHaveURL(/window=90d/);
  await expect(
    page.getByRole('heading', { name: 'All applications, last 90 days' }),
  ).toBeVisible();
  await page
    .getByRole('combobox', { name: 'Application' })
    .selectOption('payments');
  await expect(
    page.getByRole('heading', { name: 'Payments, last 90 days' }),
  ).toBeVisible();
});
