import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

/**
 * Issue 18, section 4: the widgets of a profile form (the range slider by
 * keyboard, the resource picker filtered by type) and the designer's footer,
 * whose Versions table must never overlap the Delete panel.
 */

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The boxes of the Versions and Delete panels, the right edge of the versions table, and the page's sideways overflow. */
async function footerLayout(page: Page) {
  return page.evaluate(() => {
    const box = (element: Element | null | undefined) => {
      const b = element?.getBoundingClientRect();
      return b
        ? { left: b.left, right: b.right, top: b.top, bottom: b.bottom }
        : undefined;
    };
    const versions = document
      .getElementById('versions-heading')
      ?.closest('section');
    return {
      versions: box(versions),
      remove: box(
        document.getElementById('delete-profile-heading')?.closest('section'),
      ),
      table: box(versions?.querySelector('table')),
      overflow:
        document.documentElement.scrollWidth -
        document.documentElement.clientWidth,
    };
  });
}

const intersect = (a: Box, b: Box) =>
  a.left < b.right - 0.5 &&
  b.left < a.right - 0.5 &&
  a.top < b.bottom - 0.5 &&
  b.top < a.bottom - 0.5;

/** At 1500 and 1280 px: the two panels do not intersect, the table fits its panel, nothing scrolls sideways. */
async function expectFooterFits(page: Page, qid: string) {
  for (const width of [1500, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(
      page.getByRole('button', { name: `Delete ${qid}…` }),
    ).toBeVisible();
    // The layout settles after the resize (a container query): poll the measurement, not a fixed sleep.
    await expect
      .poll(async () => {
        const { versions, remove, table, overflow } = await footerLayout(page);
        if (!versions || !remove || !table) return 'panels missing';
        if (intersect(versions, remove))
          return `Versions ${JSON.stringify(versions)} overlaps Delete ${JSON.stringify(remove)}`;
        if (table.right > versions.right + 0.5)
          return `the versions table (right ${table.right}) is cut by its panel (right ${versions.right})`;
        if (overflow > 0) return `the page scrolls sideways by ${overflow} px`;
        return 'fits';
      }, `at ${width} px`)
      .toBe('fits');
  }
}

test.describe('designer footer (issue 18)', () => {
  test('one version: the Versions and Delete panels do not overlap at 1500 and 1280 px', async ({
    page,
  }) => {
    await page.goto('/orgs/acme/workload-profiles/acme%2Fweb-service');
    await expect(
      page
        .getByRole('table', { name: 'Versions' })
        .getByRole('button', { name: /Open version/ }),
    ).toHaveCount(1);
    await expectFooterFits(page, 'acme/web-service');
  });

  test('three versions, deprecated, with Compare versions: still no overlap at 1500 and 1280 px', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1500, height: 900 });
    await page.goto('/orgs/acme/workload-profiles/acme%2Fworker');
    for (const version of ['1.1.0-rc.1', '2.0.0-beta.12']) {
      await page.getByLabel('Version', { exact: true }).fill(version);
      await page
        .getByLabel('Deprecation message')
        .fill('Use acme/web-service for anything new.');
      await page.getByRole('button', { name: /^Publish/ }).click();
      await expect(
        page.getByText(`Published acme/worker version ${version}`),
      ).toBeVisible();
    }
    await expect(
      page
        .getByRole('table', { name: 'Versions' })
        .getByRole('button', { name: /Open version/ }),
    ).toHaveCount(3);
    await expect(
      page.getByRole('region', { name: 'Compare versions' }),
    ).toBeVisible();
    await expectFooterFits(page, 'acme/worker');
    await expectNoAxeViolations(page);
  });
});

test('a form with a slider moved by keyboard and a resource picked by type, accessible (issue 18)', async ({
  page,
}) => {
  await page.goto('/orgs/acme/workload-profiles/new?example=sidecars');
  const preview = page.getByRole('form', {
    name: 'Preview of the generated form',
  });
  const output = page.getByRole('region', { name: 'Output' });

  // The slider: labelled, its number shown beside it, moved with the arrow keys.
  const replicas = preview.getByRole('slider', { name: 'Replicas' });
  await expect(replicas).toHaveValue('2');
  await replicas.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(replicas).toHaveValue('4');
  await expect(
    preview.locator(`output[for="${await replicas.getAttribute('id')}"]`),
  ).toHaveText('4');
  await page.keyboard.press('End');
  await expect(replicas).toHaveValue('10');
  await page.keyboard.press('ArrowLeft');
  await expect(output).toContainText('"replicas": 9');

  // The picker offers only PostgreSQL resources (the preview's app also has an amqp queue and a dns),
  // and writes the placeholder of the host.
  const database = preview.getByRole('combobox', { name: 'Database host' });
  await expect(database.getByRole('option')).toHaveText([
    'Choose a resource…',
    'db (postgres)',
  ]);
  await database.selectOption({ label: 'Choose a resource…' });
  await expect(output).not.toContainText('database_host');
  await database.focus();
  await database.selectOption({ label: 'db (postgres)' });
  await expect(output).toContainText('"database_host": "${shared.db.host}"');

  // Sidecars are titled by name; two with the same name are refused in plain words.
  await expect(preview.getByRole('group', { name: /^proxy/ })).toBeVisible();
  await preview.getByRole('button', { name: 'Add to sidecars' }).click();
  const second = preview.getByRole('group', { name: /^Sidecar 2/ });
  // One under the other and set apart, as a section's fields are (they ran together at 8 px).
  const firstBox = await preview
    .getByRole('group', { name: /^proxy/ })
    .boundingBox();
  const secondBox = await second.boundingBox();
  expect(
    secondBox!.y - (firstBox!.y + firstBox!.height),
  ).toBeGreaterThanOrEqual(12);
  await second.getByRole('textbox', { name: 'Name' }).fill('proxy');
  await expect(
    preview.getByText('Each sidecar needs a name of its own.'),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});
