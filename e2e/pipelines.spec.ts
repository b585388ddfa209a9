import { NEW_PIPELINE_YAML } from '../src/features/pipelines/utils/template';
import {
  expect,
  expectNoAxeViolations,
  fixShopDevelopment,
  requestDevelopmentRun,
  test,
} from './fixtures';

// The demo pipeline of `shop` (mocks/fixtures/pipelines-seed.ts): a deployment request to development deploys, runs the
// smoke tests, asks for approval, then releases the development set to staging as a canary (10 → 25 → 50 → 100 %).
test('a deployment request through the pipeline promotes development to staging after an approval', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/orgs/acme/apps/shop/pipelines/promote-to-staging');
  // Smoke tests over the seed's failing development would fail (a test below sees that): its frontend fixed first.
  await fixShopDevelopment(page);
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'Deploy, test and promote to staging',
    }),
  ).toBeVisible();
  await page
    .getByLabel('Environment', { exact: true })
    .selectOption('development');
  await page
    .getByLabel('Comment', { exact: true })
    .fill('Release through the pipeline');
  await page.getByRole('button', { name: 'Request deployment' }).click();
  // The run started is where focus goes (the button, disabled while the request ran, dropped it).
  const started = page
    .getByRole('status')
    .getByRole('link', { name: /of promote-to-staging/ });
  await expect(started).toBeFocused();
  await started.click();

  const approval = page.getByRole('region', {
    name: 'Approval needed to deploy to staging',
  });
  await expect(approval).toBeVisible({ timeout: 30_000 });
  const runId = decodeURIComponent(
    new URL(page.url()).pathname.split('/').at(-1)!,
  );
  await expect(page.getByRole('region', { name: 'Run status' })).toContainText(
    'Running',
  );
  await expectNoAxeViolations(page);

  // An approver who opens staging learns that a run waits for them, and reaches it from there.
  await page.goto('/orgs/acme/apps/shop/envs/staging');
  const waiting = page.getByRole('region', { name: 'Waiting for approval' });
  await expect(waiting).toContainText(
    'A pipeline run waits for an approval to deploy to staging.',
  );
  await expectNoAxeViolations(page);
  await waiting.getByRole('link', { name: /^Open run / }).click();
  await expect(approval).toBeVisible();

  await page.getByRole('link', { name: 'Run smoke tests' }).click();
  await expect(page.getByLabel('Log lines of Run smoke tests')).toContainText(
    '12 tests passed.',
  );

  await approval.getByLabel('Comment (optional)').fill('Tests are green');
  await approval.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('region', { name: 'Run status' })).toContainText(
    'Succeeded',
    { timeout: 60_000 },
  );
  await expect(
    page.getByText('approved by alex-admin: “Tests are green”'),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Canary in staging' }).click();
  await expect(page.getByRole('region', { name: 'Canary' })).toContainText(
    'Promoted: 100 % of traffic runs the new version.',
  );
  await expect(page.getByRole('figure', { name: 'Error rate' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/orgs/acme/apps/shop/envs/staging');
  await expect(
    page
      .getByRole('link', {
        name: `Canary release from development (pipeline run ${runId})`,
      })
      .first(),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Canary release' }),
  ).toContainText('Canary promoted');
});

test('the pipeline editor validates the YAML against the pipeline schema', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/orgs/acme/apps/shop/pipelines/new');
  await expect(
    page.getByRole('heading', { level: 1, name: 'New pipeline' }),
  ).toBeVisible();
  await expect(
    page.getByText('The definition matches the pipeline schema.'),
  ).toBeVisible({ timeout: 20_000 });
  // Replace the text by pasting (typing would fight Monaco's auto-indent): the template plus a job without steps.
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate(
    (text) => navigator.clipboard.writeText(text),
    `${NEW_PIPELINE_YAML}  broken:\n    steps: []\n`,
  );
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByRole('heading', { name: /1 problem/ })).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Create pipeline' }),
  ).toBeDisabled();
  await expectNoAxeViolations(page);
});

test('the pipeline editor passes axe in the dark theme, comments included', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/orgs/acme/apps/shop/pipelines/promote-to-staging');
  // The seed's definition starts with a comment line; the editor has drawn it.
  await expect(page.locator('.monaco-editor .view-line').first()).toContainText(
    '# Deploy to development',
  );
  await expectNoAxeViolations(page);
});

test('a run cancelled from the keyboard leaves focus on Run again', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps/shop/pipelines/promote-to-staging');
  await requestDevelopmentRun(page);
  const cancel = page.getByRole('button', { name: 'Cancel run' });
  await cancel.focus();
  await page.keyboard.press('Enter');
  // The button went with the run's activity (disabled while cancelling, the browser dropped focus): it is on the
  // button that took its place.
  await expect(page.getByRole('button', { name: 'Run again' })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Run status' })).toContainText(
    /Cancelled/i,
  );
});
