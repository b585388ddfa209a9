import type { Page } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  fixShopDevelopment,
  requestDevelopmentRun,
  test,
} from './fixtures';

const palette = (page: Page) =>
  page.getByRole('dialog', { name: 'Command palette' });
const attention = (page: Page) =>
  page.getByRole('region', { name: 'Needs attention' });

const SUMMARY =
  'A run of Deploy, test and promote to staging waits for your approval to deploy to shop / staging.';

// "Nowhere shows that an approval is waiting" (walk 24): a run of shop's seed pipeline that waits for an approval to
// deploy to staging is the first thing the landing's needs-attention list shows its approver, and the command palette
// finds it by "approval" or by where it deploys; both lead to the run, where Approve and Deny are.
test('a run waiting for your approval heads the landing and is found in the palette, both leading to the run', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/orgs/acme/apps/shop/pipelines/promote-to-staging');
  // The seed's development fails its smoke tests until mended: then the run gets as far as the approval.
  await fixShopDevelopment(page);
  await requestDevelopmentRun(page);
  await expect(
    page.getByRole('region', { name: 'Approval needed to deploy to staging' }),
  ).toBeVisible({ timeout: 30_000 });
  const runPath = new URL(page.url()).pathname;

  await page.goto('/orgs/acme/apps');
  const first = attention(page).getByRole('listitem').first();
  await expect(first).toContainText(SUMMARY);
  await expect(first).toContainText('Approval needed');
  await expect(attention(page)).toContainText(/1 approval, \d+ environments/);
  // The environments that need attention follow (shop/staging's own failure among them).
  await expect(
    attention(page).getByRole('link', { name: 'Shop / Staging' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // The palette: "approval" finds it, and so does where it deploys.
  await page.keyboard.press('Control+k');
  await expect(palette(page).getByRole('combobox')).toBeFocused();
  await page.keyboard.type('approval');
  const option = palette(page).getByRole('option').first();
  await expect(option).toContainText('Deploy to shop / staging');
  await expect(option).toContainText('Approval needed');
  await expect(option).toContainText('of Deploy, test and promote to staging');
  await expectNoAxeViolations(page);
  await palette(page).getByRole('combobox').fill('shop staging');
  await expect(
    palette(page).getByRole('option', {
      name: /^Deploy to shop \/ staging/,
    }),
  ).toBeVisible();
  await palette(page).getByRole('combobox').fill('approval');
  await expect(option).toContainText('Deploy to shop / staging');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(runPath);
  await expect(
    page.getByRole('region', { name: 'Approval needed to deploy to staging' }),
  ).toBeVisible();

  // The landing's row leads to the same run.
  await page.goto('/orgs/acme/apps');
  await attention(page)
    .getByRole('listitem')
    .first()
    .getByRole('link', {
      name: /^Run \w+ of Deploy, test and promote to staging$/,
    })
    .click();
  await expect(page).toHaveURL(runPath);
  await expect(
    page.getByRole('region', { name: 'Approval needed to deploy to staging' }),
  ).toBeVisible();
});
