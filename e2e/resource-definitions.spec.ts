import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { wordsCut } from './layout';

// Adding the same criteria twice is refused on purpose: Chromium logs the 409.
test.use({
  allowedConsoleErrors: [
    /status of 409 \(Conflict\) \(http:\/\/127\.0\.0\.1:\d+\/api\/orgs\/acme\/resources\/defs\/pg-staging\/criteria(:\d+)?\)/,
  ],
});

const ORG = '/orgs/acme';
const LIST = `${ORG}/resources/definitions`;
const MATCH = `${ORG}/resources/match?app=shop&env=staging&type=postgres&res=shared.db`;

/** How far the page reaches past the window (0 when nothing scrolls sideways). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('a postgres definition for staging from a blank start: create it with a secret, add its criteria, see it win the match, promote an older version', async ({
  page,
}) => {
  await page.goto(LIST);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Resource definitions' }),
  ).toBeVisible();
  const postgres = page.getByRole('table', {
    name: 'Definitions of type postgres',
  });
  await expect(
    postgres.getByRole('row', { name: /postgres-dev/ }),
  ).toContainText('development environments');
  await expect(postgres.getByRole('row', { name: /pg-staging/ })).toHaveCount(
    0,
  );
  await expectNoAxeViolations(page);

  // Before: shop's staging database comes from the catch-all definition.
  await page.goto(MATCH);
  const answer = page.getByRole('region', { name: 'Answer' });
  await expect(
    answer.getByRole('link', { name: 'postgres-default' }),
  ).toBeVisible();

  // Create the definition: type, driver, the driver's inputs (a write-only password).
  await page.goto(LIST);
  await page.getByRole('button', { name: 'New definition' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'New resource definition' }),
  ).toBeVisible();
  await page.getByLabel('Definition id').fill('pg-staging');
  await page.getByLabel('Resource type').selectOption('postgres');
  await page
    .getByLabel('Driver', { exact: true })
    .selectOption('humanitec/postgres');
  await page.getByLabel('Version').fill('15');
  await page.getByLabel('Password').fill('e2e-staging-secret');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Create definition' }).click();
  await expect(page).toHaveURL(`${LIST}/pg-staging`);
  await expect(
    page.getByRole('button', { name: 'Replace Password' }),
  ).toBeVisible();
  expect(await page.content()).not.toContain('e2e-staging-secret');

  // Its criteria: staging environments. The same rule twice is refused, in words.
  const criteria = page.getByRole('region', { name: 'Matching criteria' });
  await criteria.getByLabel('Environment type').selectOption('staging');
  await criteria.getByRole('button', { name: 'Add criteria' }).click();
  // The criteria's row (exact): the form's preview, "Matches staging environments.", may still show until it resets.
  await expect(
    criteria.getByText('staging environments', { exact: true }),
  ).toBeVisible();
  await criteria.getByLabel('Environment type').selectOption('staging');
  await criteria.getByRole('button', { name: 'Add criteria' }).click();
  await expect(criteria.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page);

  // "Which definition matches?" now picks it, and says why the catch-all lost.
  await page
    .getByRole('link', { name: /Which definition matches a postgres/ })
    .click();
  // The definition's criteria editor has an App field too: pick only once the match page is shown.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Which definition matches?' }),
  ).toBeVisible();
  await page.getByLabel('App', { exact: true }).selectOption('shop');
  await page.getByLabel('Environment', { exact: true }).selectOption('staging');
  await page.getByLabel('Resource id').fill('shared.db');
  await page.getByRole('button', { name: 'Find the definition' }).click();
  await expect(page).toHaveURL(
    /app=shop&env=staging&type=postgres&res=shared\.db/,
  );
  await expect(answer.getByRole('link', { name: 'pg-staging' })).toBeVisible();
  const candidates = page.getByRole('table', {
    name: 'Every definition of the type, ranked',
  });
  await expect(
    candidates.getByRole('row', { name: /postgres-default/ }),
  ).toContainText('Less specific');
  await expectNoAxeViolations(page);
  // The URL reproduces it.
  await page.reload();
  await expect(answer.getByRole('link', { name: 'pg-staging' })).toBeVisible();

  // Promote postgres-dev's older version, after confirming.
  await page.goto(`${LIST}/postgres-dev`);
  const versions = page.getByRole('table', {
    name: 'Versions of the definition',
  });
  const older = versions.getByRole('row').filter({ hasText: 'Earlier' });
  await expect(older).toHaveCount(1);
  const olderId = (await older.locator('code').first().textContent()) ?? '';
  await older.getByRole('button', { name: /^Promote/ }).click();
  const dialog = page.getByRole('dialog');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Promote version' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    versions.getByRole('row').filter({ hasText: olderId }),
  ).toContainText('Current');
  await expectNoAxeViolations(page);
});

/** The page fits 390 px: nothing scrolls sideways, `table` has no scroller of its own, `words` are whole. */
async function expectPhoneLayout(page: Page, table: Locator, words: string[]) {
  await expect(table).toBeVisible();
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  const overflow = await table.evaluate(
    (el) => el.scrollWidth - (el.parentElement?.clientWidth ?? 0),
  );
  expect(overflow, 'the table scrolls inside its panel').toBeLessThanOrEqual(0);
  // Polled: the table's columns settle as the rest of the page loads.
  await expect
    .poll(() => wordsCut(table, words), { message: 'words cut across lines' })
    .toEqual([]);
}

for (const [name, url, heading] of [
  ['the list', LIST, 'Resource definitions'],
  ['a definition', `${LIST}/postgres-dev`, 'postgres-dev'],
  ['a new definition', `${LIST}/new?type=postgres`, 'New resource definition'],
  ['which definition matches', MATCH, 'Which definition matches?'],
] as const) {
  test(`${name} fits 390 px and passes axe`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url);
    await expect(
      page.getByRole('heading', { level: 1, name: heading }),
    ).toBeVisible();
    await expect(page.locator('.skeleton')).toHaveCount(0);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
}

test('at 390 px the definitions, versions, users and candidates stack as labelled lines, ids whole', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(LIST);
  const dns = page.getByRole('table', { name: 'Definitions of type dns' });
  await expectPhoneLayout(page, dns, ['default-dns', 'humanitec/dns-wildcard']);
  await expectPhoneLayout(
    page,
    page.getByRole('table', { name: 'Definitions of type k8s-cluster' }),
    ['k8s-cluster-demo', 'humanitec/k8s-cluster'],
  );
  const postgres = page.getByRole('table', {
    name: 'Definitions of type postgres',
  });
  await expectPhoneLayout(page, postgres, [
    'postgres-default',
    'postgres-dev',
    'postgres-prod',
    'humanitec/postgres',
  ]);
  // Each cell is a labelled line of its own.
  await expect(
    postgres
      .getByRole('row', { name: /postgres-dev/ })
      .getByRole('cell')
      .first(),
  ).toHaveCSS('display', 'block');

  await page.goto(`${LIST}/postgres-dev`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'postgres-dev' }),
  ).toBeVisible();
  await expectPhoneLayout(
    page,
    page.getByRole('table', { name: 'Versions of the definition' }),
    ['humanitec/postgres'],
  );
  await expectPhoneLayout(
    page,
    page.getByRole('table', {
      name: 'Active resources provisioned with this definition',
    }),
    ['shop / development', 'shared.db'],
  );

  await page.goto(MATCH);
  await expectPhoneLayout(
    page,
    page.getByRole('table', { name: 'Every definition of the type, ranked' }),
    ['postgres-default', 'postgres-dev', 'postgres-prod'],
  );
  await expectNoAxeViolations(page);
});
