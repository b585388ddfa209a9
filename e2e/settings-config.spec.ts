import { expect, expectNoAxeViolations, test } from './fixtures';
import type { Page } from '@playwright/test';

// Deleting a type environments use and the primary store are refused on purpose: Chromium logs each 409.
test.use({
  allowedConsoleErrors: [
    /status of 409 \(Conflict\) \(http:\/\/127\.0\.0\.1:\d+\/api\/orgs\/acme\/(env-types\/qa|secretstores\/gcp-main)(:\d+)?\)/,
  ],
});

const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('an environment type from a blank start: create it, give an environment that type, be refused deleting it, rename the environment', async ({
  page,
}) => {
  await page.goto('/orgs/acme/settings/env-types');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Environment types' }),
  ).toBeVisible();
  const types = page.getByRole('table', {
    name: 'Environment types',
    exact: true,
  });
  await expect(
    types.getByRole('cell', { name: 'production', exact: true }),
  ).toBeVisible();
  await expect(
    types.getByRole('cell', { name: 'qa', exact: true }),
  ).toHaveCount(0);
  await page.getByLabel('Type id', { exact: true }).fill('qa');
  await page.getByLabel('Description', { exact: true }).fill('Manual testing');
  // By keyboard: the button is disabled while the type is created, and focus comes back to the form after.
  await page.getByRole('button', { name: 'Create type' }).focus();
  await page.keyboard.press('Enter');
  await expect(
    types.getByRole('row', { name: /qa\s+Manual testing/ }),
  ).toBeVisible();
  await expect(page.getByLabel('Type id', { exact: true })).toBeFocused();
  // Its deployers are on the same page.
  await expect(
    page.getByRole('heading', { name: 'qa', level: 3 }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // An environment of the new type, made from shop's development deployment.
  await page.goto('/orgs/acme/apps/shop/clone?from=development');
  await page.getByRole('button', { name: 'New environment…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Environment id').fill('qa');
  await dialog.getByLabel('Type').selectOption('qa');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  // Deleting the type now is refused, and the dialog says which environment uses it.
  await page.goto('/orgs/acme/settings/env-types');
  await page
    .getByRole('button', { name: 'Delete environment type qa' })
    .click();
  const confirm = page.getByRole('dialog', {
    name: 'Delete environment type qa?',
  });
  await confirm.getByRole('button', { name: 'Delete type' }).click();
  await expect(confirm.getByRole('alert')).toContainText(
    /Environment type .?qa.? is used by the environment .?shop\/qa.?; delete it or change its type first/,
  );
  // Refused, the dialog stays and so does focus (in it, not dropped to the page behind it).
  await expect(
    confirm.getByRole('button', { name: 'Delete type' }),
  ).toBeFocused();
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(
    types.getByRole('cell', { name: 'qa', exact: true }),
  ).toBeVisible();

  // Rename the environment from its page's settings.
  await page.goto('/orgs/acme/apps/shop/envs/qa');
  const settings = page.getByRole('region', { name: 'Environment settings' });
  await expect(settings.getByLabel('Type')).toHaveValue('qa');
  await settings.getByLabel('Name').fill('Quality assurance');
  await settings.getByRole('button', { name: 'Save environment' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Quality assurance' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/orgs/acme/settings/env-types');
  await expect(
    types.getByRole('cell', { name: 'qa', exact: true }),
  ).toBeVisible();
  await expect.poll(() => sideways(page)).toBeLessThanOrEqual(0);
});

test('a secret store: register a GCP Secret Manager store, make it primary; the primary cannot be deleted', async ({
  page,
}) => {
  await page.goto('/orgs/acme/settings');
  const panel = page.getByRole('region', {
    name: 'Secret stores',
    exact: true,
  });
  const stores = panel.getByRole('table', {
    name: 'Secret stores',
    exact: true,
  });
  await expect(
    stores.getByRole('row', { name: /humanitec.*Primary/ }),
  ).toBeVisible();
  await panel.getByLabel('Store id').fill('gcp-main');
  await panel.getByLabel('Kind').selectOption({ label: 'GCP Secret Manager' });
  await panel.getByLabel('Project id').fill('acme-prod');
  await panel.getByLabel('Service account key').fill('planted-e2e-key-71c9');
  await panel.getByRole('button', { name: 'Register store' }).click();
  const row = stores.getByRole('row', { name: /gcp-main/ });
  await expect(row).toContainText('GCP Secret Manager');
  // Ready for the next one: focus on the emptied id, not dropped to the page with the disabled button.
  await expect(panel.getByLabel('Store id')).toBeFocused();
  await expect(row).toContainText('acme-prod');
  await expect(page.getByText('planted-e2e-key-71c9')).toHaveCount(0);

  await row
    .getByRole('button', { name: 'Make gcp-main the primary store' })
    .click();
  await expect(row).toContainText('Primary');
  await expect(
    stores.getByRole('row', { name: /humanitec/ }).getByRole('button', {
      name: 'Make humanitec the primary store',
    }),
  ).toBeVisible();

  await row
    .getByRole('button', { name: 'Delete secret store gcp-main' })
    .click();
  const confirm = page.getByRole('dialog', {
    name: 'Delete secret store gcp-main?',
  });
  await confirm.getByRole('button', { name: 'Delete store' }).click();
  await expect(confirm.getByRole('alert')).toContainText(
    /primary store .* make another store primary first/,
  );
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(row).toBeVisible();
  await expect.poll(() => sideways(page)).toBeLessThanOrEqual(0);
});

test('a registry from a blank start: delete the seeded ones, add one with credentials that never show again', async ({
  page,
}) => {
  await page.goto('/orgs/acme/settings');
  const panel = page.getByRole('region', { name: 'Registries', exact: true });
  const registries = panel.getByRole('table', {
    name: 'Registries',
    exact: true,
  });
  for (const id of ['acme-registry', 'ghcr-acme']) {
    // By keyboard: the row's Delete, then the dialog's.
    await registries
      .getByRole('row', { name: new RegExp(id) })
      .getByRole('button', { name: `Delete registry ${id}` })
      .press('Enter');
    const confirm = page.getByRole('dialog', {
      name: `Delete registry ${id}?`,
    });
    await confirm
      .getByRole('button', { name: 'Delete registry' })
      .press('Enter');
    await expect(confirm).toHaveCount(0);
    // The button that opened the dialog went with its row: focus is on the section's heading, not the page's body.
    await expect(
      panel.getByRole('heading', { name: 'Registries', exact: true }),
    ).toBeFocused();
  }
  await expect(panel.getByText('No registries yet.')).toBeVisible();

  await panel.getByLabel('Registry id').fill('acme-mirror');
  await panel
    .getByLabel('Registry', { exact: true })
    .fill('mirror.acme.dev/ci');
  await panel.getByLabel('Type').selectOption({ label: 'Amazon ECR' });
  // The credentials are named as AWS issues them.
  await panel.getByLabel('Access key id').fill('AKIAEXAMPLE');
  await panel
    .getByLabel('Secret access key')
    .fill('planted-e2e-registry-pass-5e2a');
  await panel.getByRole('button', { name: 'Add registry' }).click();
  const row = registries.getByRole('row', { name: /acme-mirror/ });
  await expect(row).toContainText('mirror.acme.dev/ci');
  await expect(row).toContainText('Amazon ECR');
  await expect(row.getByRole('cell').nth(3)).toHaveText('Set');
  await expect(panel.getByLabel('Secret access key')).toHaveValue('');
  await expect(page.getByText('planted-e2e-registry-pass-5e2a')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(row).toBeVisible();
  await expect.poll(() => sideways(page)).toBeLessThanOrEqual(0);
});
