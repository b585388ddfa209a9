import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

const counts = (page: Page, tile: string) =>
  page.getByTestId(`summary-${tile}`);

test('compare two seeded deployments: summary, field changes, views, raw diff and permalink', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/orgs/acme/apps/shop/envs/production');
  const history = page.getByRole('table', { name: 'Deployment history' });
  await history
    .getByRole('link', { name: /Compare with previous/ })
    .first()
    .click();

  // production's two newest deployments: only the frontend image changed.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Compare deployments' }),
  ).toBeVisible();
  await expect(counts(page, 'changed')).toContainText('1workload changed');
  await expect(counts(page, 'added')).toContainText('0workloads added');
  const frontend = page.getByRole('table', {
    name: 'Field changes of frontend',
  });
  await expect(frontend.getByRole('row', { name: /image/ })).toContainText(
    'registry.acme.dev/shop/frontend:3.1.0',
  );
  await expect(frontend.getByRole('row', { name: /image/ })).toContainText(
    'registry.acme.dev/shop/frontend:3.2.0',
  );
  await expect(
    page.getByRole('group', { name: 'Text diff of frontend' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // Pick any two: production's newest against staging's newest.
  await page.getByText('Choose deployments to compare').click();
  await page.locator('#from-env').selectOption('production');
  await page.locator('#to-env').selectOption('staging');
  await expect(page.locator('#to-deploy')).toContainText('Try cart 1.1.0-rc.1');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(counts(page, 'changed')).toContainText('2workloads changed');
  await expect(counts(page, 'removed')).toContainText('0workloads removed');
  await expect(counts(page, 'shared')).toContainText(
    '0shared resources changed',
  );
  const cart = page.getByRole('table', { name: 'Field changes of cart' });
  await expect(cart.getByRole('row', { name: /image/ })).toContainText(
    'registry.acme.dev/shop/cart:1.1.0-rc.1',
  );
  await expect(cart.getByRole('row', { name: /command/ })).toContainText(
    'Added',
  );
  const replicas = page
    .getByRole('table', { name: 'Field changes of api' })
    .getByRole('row', { name: /replicas/ });
  await expect(replicas.getByRole('cell').nth(2)).toHaveText('3');
  await expect(replicas.getByRole('cell').nth(3)).toHaveText('2');
  await expect(
    page.getByText('Showing 2 of 4 workloads · 2 unchanged hidden'),
  ).toBeVisible();

  // Unified → split: two panes per diff, before and after.
  const apiDiff = page.getByRole('group', { name: 'Text diff of api' });
  await expect(apiDiff.getByText('humanitec/default-module')).toHaveCount(0);
  await page.getByRole('button', { name: 'Split' }).click();
  await expect(apiDiff.getByRole('group', { name: 'Before' })).toBeVisible();
  await expect(apiDiff.getByRole('group', { name: 'After' })).toBeVisible();
  await page.getByRole('button', { name: 'Full context' }).click();
  await expect(
    apiDiff.getByText('humanitec/default-module').first(),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // Changed only off: the unchanged workloads appear, collapsed.
  await page.getByRole('checkbox', { name: 'Changed only' }).uncheck();
  await expect(page.getByText('Showing 4 of 4 workloads')).toBeVisible();
  await expect(page.getByRole('button', { name: 'worker' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );

  // Collapse all, then search by workload.
  await page.getByRole('button', { name: 'Collapse all' }).click();
  for (const name of ['api', 'cart', 'frontend', 'worker'])
    await expect(
      page.getByRole('button', { name, exact: true }),
    ).toHaveAttribute('aria-expanded', 'false');
  await expect(
    page.getByRole('table', { name: /Field changes of/ }),
  ).toHaveCount(0);
  await page
    .getByRole('searchbox', { name: 'Filter workloads by name' })
    .fill('car');
  await expect(page.getByText('Showing 1 of 4 workloads')).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'api', exact: true }),
  ).toHaveCount(0);
  await page.getByRole('button', { name: 'cart', exact: true }).click();
  await expect(
    page.getByRole('table', { name: 'Field changes of cart' }),
  ).toBeVisible();

  // The raw view loads Monaco only when opened.
  await expect(page.locator('.monaco-diff-editor')).toHaveCount(0);
  await page.getByRole('button', { name: 'Open raw diff' }).click();
  const raw = page.getByRole('group', {
    name: /Raw diff of the two deployment sets/,
  });
  await expect(raw.locator('.monaco-diff-editor')).toBeVisible();
  await expect(raw.getByText('1.1.0-rc.1').first()).toBeVisible();
  await page.getByRole('button', { name: 'Close raw diff' }).click();
  await expect(page.locator('.monaco-diff-editor')).toHaveCount(0);

  // The permalink reproduces the comparison and the view.
  await page.getByRole('button', { name: 'Copy permalink' }).click();
  await expect(page.getByText('Permalink copied')).toBeVisible();
  const permalink = await page.evaluate(() => navigator.clipboard.readText());
  expect(permalink).toContain('/orgs/acme/apps/shop/diff?from=production/');
  expect(permalink).toContain('layout=split');
  await page.goto('about:blank');
  await page.goto(permalink);
  await expect(counts(page, 'changed')).toContainText('2workloads changed');
  await expect(page.getByRole('button', { name: 'Split' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(
    page.getByRole('searchbox', { name: 'Filter workloads by name' }),
  ).toHaveValue('car');
  await expect(
    page.getByRole('table', { name: 'Field changes of cart' }),
  ).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'Text diff of cart' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

test('save the change as a draft delta and apply it to another environment', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps/shop/envs/production');
  await page
    .getByRole('table', { name: 'Deployment history' })
    .getByRole('link', { name: /Compare with previous/ })
    .first()
    .click();
  await expect(counts(page, 'changed')).toContainText('1workload changed');

  await page.getByRole('button', { name: 'Create draft delta' }).click();
  const draft = page.getByRole('dialog', { name: 'Create a draft delta' });
  await expect(draft.getByLabel('For environment')).toHaveValue('production');
  // A name of one's own survives a stray Escape: the dialog warns and stays.
  await draft.getByLabel('Name').fill('Frontend bump for development');
  await page.keyboard.press('Escape');
  await expect(
    draft.getByText(/What you typed is not saved yet/),
  ).toBeVisible();
  await expect(draft.getByLabel('Name')).toHaveValue(
    'Frontend bump for development',
  );
  await expectNoAxeViolations(page);
  await draft.getByRole('button', { name: 'Create draft delta' }).click();
  await expect(draft.getByRole('status')).toContainText('Draft delta created');
  await expect(
    draft.getByRole('button', { name: /Copy delta id/ }),
  ).toBeVisible();
  await draft.getByRole('button', { name: 'Done' }).click();

  // Apply the frontend bump to development: the clone flow, with frontend selected, previews and deploys it.
  await page.getByRole('link', { name: 'Apply to environment…' }).click();
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'Clone to another environment',
    }),
  ).toBeVisible();
  await expect(page).toHaveURL(/from=production&deploy=[^&]+&modules=frontend/);
  await page
    .getByLabel('Clone to', { exact: true })
    .selectOption('development');
  await expect(page.getByTestId('summary-changed').first()).toContainText(
    '1workload changed',
  );
  await expect(
    page.getByRole('table', { name: 'Field changes of frontend' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Clone to development…' }).click();
  await page
    .getByRole('dialog', { name: 'Clone production to development' })
    .getByRole('button', { name: 'Deploy to development' })
    .click();
  const progress = page.getByRole('region', { name: 'Cloning to development' });
  await progress.getByRole('link', { name: /^[0-9a-f]{8}$/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^Deployment / }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/envs\/development\/deploys\//);
});

test('secret values are hidden in the 500-workload diff, which stays responsive', async ({
  page,
}) => {
  await page.goto(
    '/orgs/acme/apps/big-diff/envs/development?scenario=big-diff',
  );
  await page
    .getByRole('table', { name: 'Deployment history' })
    .getByRole('link', { name: /Compare with previous/ })
    .first()
    .click();
  await expect(counts(page, 'changed')).toContainText('500workloads changed');
  await expect(counts(page, 'shared')).toContainText(
    '1shared resource changed',
  );
  await expect(counts(page, 'changed')).toContainText('and 492 more');
  const first = page.getByRole('table', { name: 'Field changes of svc-001' });
  await expect(first.getByRole('row', { name: /API_TOKEN/ })).toContainText(
    '••••• (hidden)',
  );
  await expect(
    page.getByRole('group', { name: 'Text diff of svc-001' }),
  ).toContainText('API_TOKEN: ••••• (hidden, changed)');
  await expect(
    page.getByRole('group', { name: 'Text diff of svc-001' }),
  ).toContainText('${secrets.db-password}');
  await expect(page.locator('body')).not.toContainText('tok-svc-');
  // Far-down workloads are reachable through the search.
  await page
    .getByRole('searchbox', { name: 'Filter workloads by name' })
    .fill('svc-499');
  await expect(
    page.getByRole('table', { name: 'Field changes of svc-499' }),
  ).toBeVisible();
  await expect(page.locator('body')).not.toContainText('tok-svc-');
  await expectNoAxeViolations(page);
});
