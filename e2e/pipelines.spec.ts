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
    .getByRole('form', { name: 'Request a deployment' })
    .getByLabel('Environment', { exact: true })
    .selectOption('development');
  await page
    .getByRole('form', { name: 'Request a deployment' })
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
  // Tab indents in the editor: the page and the editor's name say how to leave it by keyboard (no keyboard trap).
  await expect(
    page.getByText(
      'In the editor, Tab indents: press Ctrl+M so that Tab moves focus on to the rest of the page.',
    ),
  ).toBeVisible();
  await expect(
    page.getByRole('textbox', {
      name: /^Pipeline definition \(YAML\)\. Tab indents; press Ctrl\+M/,
    }),
  ).toBeVisible();
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

test.describe('a pipeline made from the template', () => {
  // Opening a run by its short id, and a run that does not exist, ask the API for them first (404s).
  test.use({
    allowedConsoleErrors: [
      /status of 404 \(Not Found\) \(http:\/\/127\.0\.0\.1:\d+\/api\/orgs\/acme\/apps\/shop\/pipelines\/my-pipeline\/runs\//,
    ],
  });

  test('a pipeline made from the template runs from its page with its input, and its log says it', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto('/orgs/acme/apps/shop/pipelines/new');
    await expect(
      page.getByText('The definition matches the pipeline schema.'),
    ).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Create pipeline' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'My pipeline' }),
    ).toBeVisible();

    const run = page.getByRole('form', { name: 'Run this pipeline' });
    const reason = run.getByLabel('reason');
    await expect(reason).toHaveValue('A manual run');
    await expect(run.getByText('Why this run (its log says it)')).toBeVisible();
    await reason.fill('Trying the template');
    await expectNoAxeViolations(page);
    await run.getByRole('button', { name: 'Run pipeline' }).click();
    const started = run.getByRole('status').getByRole('link');
    await expect(started).toBeFocused();
    await started.click();
    await page.getByRole('link', { name: 'Say why' }).click();
    await expect(page.getByLabel('Log lines of Say why')).toContainText(
      'Trying the template',
    );

    // The run's id as the pages show it (8 characters) is an address too; an unknown run leads back to its pipeline.
    const runUrl = new URL(page.url());
    const runId = runUrl.pathname.split('/').at(-1)!;
    const short = runUrl.pathname.replace(/[^/]+$/, runId.slice(0, 8));
    await page.goto(`${short}${runUrl.search}`);
    await expect(page).toHaveURL(`${runUrl.pathname}${runUrl.search}`);
    await expect(page.getByLabel('Log lines of Say why')).toContainText(
      'Trying the template',
    );
    await page.goto(runUrl.pathname.replace(/[^/]+$/, 'no-such-run'));
    await expect(
      page.getByRole('heading', { level: 1, name: 'Not found' }),
    ).toBeVisible();
    await page
      .getByRole('link', { name: 'Back to pipeline my-pipeline' })
      .click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'My pipeline' }),
    ).toBeVisible();
  });
});

test('a deployment-request pipeline takes requests once it has criteria, and says where they go', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/orgs/acme/apps/shop/pipelines/new');
  await expect(
    page.getByText('The definition matches the pipeline schema.'),
  ).toBeVisible({ timeout: 20_000 });
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate(
    (text) => navigator.clipboard.writeText(text),
    'name: Release to production\non:\n  deployment_request: {}\njobs:\n  release:\n    steps:\n      - uses: actions/humanitec/log@v1\n        with:\n          message: Releasing\n',
  );
  await page.keyboard.press('ControlOrMeta+V');
  await expect(
    page.getByText('The definition matches the pipeline schema.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Create pipeline' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Release to production' }),
  ).toBeVisible();

  // No criteria: no request reaches it, and the page says so instead of offering environments that would 422.
  await expect(
    page.getByText(
      'No criteria yet: no deployment request reaches this pipeline.',
    ),
  ).toBeVisible();
  const request = page.getByRole('form', { name: 'Request a deployment' });
  await expect(request.getByRole('status')).toHaveText(
    'No environment’s deployment request comes to this pipeline: add criteria that match one.',
  );
  await expect(
    request.getByRole('button', { name: 'Request deployment' }),
  ).toBeDisabled();

  const add = page.getByRole('form', { name: 'Add criteria' });
  await add.getByLabel('Environment type').selectOption('production');
  await add.getByRole('button', { name: 'Add criteria' }).click();
  const criteria = page.getByRole('list', {
    name: 'Deployment requests that run it',
  });
  await expect(criteria.getByRole('listitem')).toHaveText([
    /Deployment requests to environments of type production/,
  ]);
  // Production comes here now; development still goes to the seed's pipeline, and the form says so.
  const env = request.getByLabel('Environment', { exact: true });
  await expect(env).toHaveValue('production');
  await expect(
    env.getByRole('option', {
      name: /^Development .*— goes to Deploy, test and promote to staging$/,
    }),
  ).toBeDisabled();
  await expectNoAxeViolations(page);
  await request.getByRole('button', { name: 'Request deployment' }).click();
  await expect(
    request.getByRole('status').getByRole('link', {
      name: /of release-to-production/,
    }),
  ).toBeFocused();

  await criteria
    .getByRole('button', {
      name: 'Remove criteria: Deployment requests to environments of type production',
    })
    .click();
  await page
    .getByRole('dialog', { name: 'Remove these criteria?' })
    .getByRole('button', { name: 'Remove criteria' })
    .click();
  await expect(
    page.getByText(
      'No criteria yet: no deployment request reaches this pipeline.',
    ),
  ).toBeVisible();
});
