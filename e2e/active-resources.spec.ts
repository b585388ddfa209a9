import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { wordsCut } from './layout';

// The Resources panel of an environment (issue 20 §3): what deployments provisioned, pinned to a definition
// version and deleted by someone who may deploy there; read only by a viewer; whole at 390 px.

const DEV = '/orgs/acme/apps/shop/envs/development';

/** The panel and its table once loaded. */
async function openResources(page: Page) {
  await page.goto(DEV);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Development' }),
  ).toBeVisible();
  const panel = page.getByRole('region', {
    name: 'Resources',
    exact: true,
  });
  const table = panel.getByRole('table', {
    name: 'Active resources of development',
  });
  await expect(table).toBeVisible();
  return { panel, table };
}

/** The row of a resource (its id heads the row). */
const rowOf = (table: Locator, resId: string) =>
  table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: resId }) });

/** Every occurrence of each of `words` is painted on one line inside `within`: never cut inside a word. */
async function expectWordsWhole(within: Locator, words: string[]) {
  // Polled: the table's columns settle as the rest of the page loads.
  await expect
    .poll(() => wordsCut(within, words), { message: 'words cut across lines' })
    .toEqual([]);
}

/** Ids wrap only between their dotted parts: never at a hyphen, never mid-word. */
async function expectIdsWhole(table: Locator) {
  await expectWordsWhole(rowOf(table, 'modules.worker.externals.exports'), [
    'modules.',
    'worker.',
    'externals.',
    'exports',
    's3-default',
  ]);
  await expectWordsWhole(rowOf(table, 'k8s-cluster'), [
    'k8s-cluster',
    'k8s-cluster-demo',
  ]);
  await expectWordsWhole(rowOf(table, 'k8s-namespace'), [
    'k8s-namespace',
    'default-k8s-namespace',
  ]);
  await expectWordsWhole(rowOf(table, 'shared.db'), ['postgres-dev']);
}

test('an environment’s resources: see what was provisioned, pin one to an older definition version, delete one', async ({
  page,
}) => {
  const { panel, table } = await openResources(page);
  const db = rowOf(table, 'shared.db');
  await expect(db.getByRole('link', { name: 'postgres-dev' })).toHaveAttribute(
    'href',
    '/orgs/acme/resources/definitions/postgres-dev',
  );
  await expect(db).toContainText('Active');
  await expect(db).toContainText(
    'shop-development-shared-db.postgres.internal',
  );
  // Secret outputs are named, never shown.
  await expect(
    db.getByRole('listitem').filter({ hasText: /^password/ }),
  ).toHaveText('password secret');
  await expect(db.getByRole('link', { name: /^Deployment/ })).toBeVisible();
  await expect(
    rowOf(table, 'k8s-namespace').getByText('Orchestrator default'),
  ).toBeVisible();
  await expectIdsWhole(table);
  await expectNoAxeViolations(page);

  // Pin shared.db to postgres-dev's older version.
  await db.getByRole('button', { name: 'Pin shared.db to a version' }).click();
  const dialog = page.getByRole('dialog', {
    name: 'Pin shared.db to a version',
  });
  const picker = dialog.getByLabel('Version of postgres-dev');
  await expect(picker.locator('option')).toHaveCount(3);
  const older = picker.locator('option:not([value=""])', {
    hasNotText: 'current',
  });
  const olderId = (await older.getAttribute('value'))!;
  await picker.selectOption(olderId);
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Pin version' }).click();
  await expect(dialog).toBeHidden();
  await expect(db).toContainText(`Pinned to ${olderId.slice(0, 8)}`);
  // Kept by the engine: still pinned after a reload.
  await page.reload();
  await expect(db).toContainText(`Pinned to ${olderId.slice(0, 8)}`);

  // Delete shared.cache after confirming.
  const cache = rowOf(table, 'shared.cache');
  await cache.getByRole('button', { name: 'Delete shared.cache' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete shared.cache?' });
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Delete resource' }).click();
  await expect(confirm).toBeHidden();
  await expect(cache).toHaveCount(0);
  await expect(panel).toContainText('5 active resources');

  // The definition's page lists where it is used now, this environment among them.
  await db.getByRole('link', { name: 'postgres-dev' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'postgres-dev' }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'In use by' })
      .getByRole('link', { name: 'shop / development' }),
  ).toBeVisible();
});

test('a viewer reads the resources but is offered neither pin nor delete, and is told the role it takes', async ({
  page,
}) => {
  await page.goto('/orgs/acme/settings');
  await page
    .getByLabel('Act as')
    .selectOption({ label: 'Vic Viewer (orgViewer)' });
  await expect(page.getByLabel('Act as')).toHaveValue('hum_demo_viewer_token');
  const { panel, table } = await openResources(page);
  await expect(
    panel.getByText(
      /^Pinning and deleting resources needs the right to deploy/,
    ),
  ).toContainText(
    'needs the developer or owner role on app shop and the deployer role on environment type development',
  );
  await expect(
    rowOf(table, 'shared.db').getByRole('link', { name: 'postgres-dev' }),
  ).toBeVisible();
  await expect(
    table.getByRole('button', { name: /^(Pin|Delete) / }),
  ).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('at 390 px the resources stack without sideways scrolling, ids whole, and pass axe', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { table } = await openResources(page);
  await expect(page.locator('.skeleton')).toHaveCount(0);
  const sideways = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(sideways).toBeLessThanOrEqual(0);
  // The table fits its panel without a scroller of its own: rows stack.
  const overflow = await table.evaluate(
    (el) => el.scrollWidth - (el.parentElement?.clientWidth ?? 0),
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectIdsWhole(table);
  await expectNoAxeViolations(page);
});
