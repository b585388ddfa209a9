import type { Page } from '@playwright/test';
import { callApi, expect, expectNoAxeViolations, test } from './fixtures';

const IMAGE = 'registry.acme.dev/shop/api';

/** CI's push of an image version, made from the page against the console's API (the embedded engine). */
async function pushVersion(page: Page, version: string) {
  const answer = await callApi(page, 'POST', '/orgs/acme/artefact-versions', {
    body: {
      type: 'container',
      name: IMAGE,
      version,
      commit: 'fa57c0ffee',
      ref: 'refs/heads/main',
      digest: `sha256:${'5e'.repeat(32)}`,
    },
  });
  return answer.status;
}

test('a version CI pushed is deployed from the Artefacts page to staging and runs there', async ({
  page,
}) => {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Applications' }),
  ).toBeVisible();
  expect(await pushVersion(page, '1.5.0')).toBe(200);

  // The sidebar leads to the Artefacts page; the new version is the newest of its image.
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Artefacts' })
    .first()
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Artefacts' }),
  ).toBeVisible();
  const panel = page.getByRole('region', { name: IMAGE });
  const versions = panel.getByRole('list', { name: IMAGE });
  const newest = versions.getByRole('listitem').first();
  await expect(newest.getByText('1.5.0', { exact: true })).toBeVisible();
  await expect(newest.getByText('fa57c0ffee')).toBeVisible();
  await expect(newest.getByText('no environment')).toBeVisible();
  // An older version runs somewhere: its item names the environment.
  await expect(
    versions.getByRole('link', { name: /Shop \/ Production/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // Deploy this version to staging: the workload's page opens with the image changed, ready to deploy.
  await newest
    .getByLabel('Deploy 1.5.0 to')
    .selectOption({ label: 'Shop / Staging — api' });
  await newest.getByRole('button', { name: 'Review and deploy' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'api' }),
  ).toBeVisible();
  await expect(page.getByLabel(/Image of container/)).toHaveValue(
    `${IMAGE}:1.5.0`,
  );
  await expect(page.getByText('1 container image changed')).toBeVisible();
  await page.getByRole('button', { name: 'Deploy to staging' }).click();
  const status = page.getByRole('region', { name: 'Status' });
  await expect(
    page.getByRole('heading', { level: 1, name: /^Deployment / }),
  ).toBeVisible();
  await expect(status.getByText('Succeeded', { exact: true })).toBeVisible({
    timeout: 20_000,
  });

  // The Artefacts page now says where 1.5.0 runs.
  await page.goto(`/orgs/acme/artefacts?image=${encodeURIComponent(IMAGE)}`);
  const item = page
    .getByRole('list', { name: IMAGE })
    .getByRole('listitem')
    .filter({ hasText: '1.5.0' })
    .first();
  await expect(
    item.getByRole('link', { name: 'Shop / Staging' }),
  ).toBeVisible();

  // At 390 px: nothing scrolls sideways, and axe passes.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(
    item.getByRole('link', { name: 'Shop / Staging' }),
  ).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
});

test('the artefacts are filtered by image name or tag (kept in the URL), and an older version warns before its deploy', async ({
  page,
}) => {
  await page.goto('/orgs/acme/artefacts');
  const filter = page.getByRole('searchbox', { name: 'Find an image or tag' });
  await filter.fill('shop/api');
  await expect(page).toHaveURL(/[?&]q=shop%2Fapi/);
  await expect(page.getByRole('region', { name: /^registry\./ })).toHaveCount(
    1,
  );
  // A reload shows the same.
  await page.reload();
  await expect(filter).toHaveValue('shop/api');
  const panel = page.getByRole('region', { name: IMAGE });
  await expect(panel).toBeVisible();
  await expect(page.getByRole('region', { name: /^registry\./ })).toHaveCount(
    1,
  );

  // 1.3.0 where 1.4.2 runs: said as the environment is chosen, before the workload's page.
  const older = panel
    .getByRole('listitem')
    .filter({ has: page.getByText('1.3.0', { exact: true }) });
  await older
    .getByLabel('Deploy 1.3.0 to')
    .selectOption({ label: 'Shop / Production — api (runs 1.4.2, newer)' });
  const warning = older.getByRole('status');
  await expect(warning).toHaveText(
    'Older than what runs there: Shop / Production (api) runs 1.4.2; deploying 1.3.0 there goes back to an older version.',
  );
  await expect(
    older.getByRole('button', { name: 'Review and deploy' }),
  ).toHaveAccessibleDescription(/^Older than what runs there/);
  await expectNoAxeViolations(page);

  // At 390 px: nothing scrolls sideways, and axe passes.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(warning).toBeVisible();
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    ),
  ).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);

  // Nothing matches: it says so, and Clear brings every image back.
  await filter.fill('zzz-nothing');
  await expect(
    page.getByText('No image name or tag contains “zzz-nothing”.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Clear the filter' }).click();
  await expect(filter).toBeFocused();
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(
    page.getByRole('region', { name: /^registry\./ }).nth(1),
  ).toBeVisible();
});
