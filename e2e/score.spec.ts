import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

// The extras sample is refused by the API on purpose (Score v1b1 wants each port's `port`): Chromium logs the 400.
test.use({
  allowedConsoleErrors: [
    /status of 400 \(Bad Request\) \(http:\/\/127\.0\.0\.1:\d+\/api\/orgs\/acme\/artefact-versions\/convert-score(:\d+)?\)/,
  ],
});

const ENV = '/orgs/acme/apps/shop/envs/development';
const sample = (file: string) =>
  readFileSync(
    new URL(`../src/lib/score/samples/${file}`, import.meta.url),
    'utf8',
  );

/** How far the page reaches past the window (0 when nothing scrolls sideways). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * Clicks the deploy button once the change above it has rendered: its text
 * diffs render as they come near the viewport and grow from their
 * placeholders, which would move the button from under the pointer.
 */
async function deployOnceTheChangeIsShown(page: Page, name: string) {
  const change = page.getByRole('region', {
    name: 'What changes in the environment',
  });
  const rendering = change.getByText(/^Rendering the diff of/);
  const button = page.getByRole('button', { name });
  await change.scrollIntoViewIfNeeded();
  await expect(rendering).toHaveCount(0);
  await button.scrollIntoViewIfNeeded();
  await expect(rendering).toHaveCount(0);
  await button.click();
}

async function openScorePage(page: Page, env = ENV) {
  await page.goto(env);
  await page.getByRole('link', { name: 'Deploy a Score file' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Deploy a Score file' }),
  ).toBeVisible();
}

test('a pasted Score sample: the workload, the change and the matched definitions, then a deploy that succeeds', async ({
  page,
}) => {
  await openScorePage(page);
  await expectNoAxeViolations(page);
  await page
    .getByLabel('Score file (YAML)')
    .fill(sample('score-deprecated-files-and-volumes.yaml'));
  // The unsaved text survives a reload.
  await page.reload();
  await expect(page.getByLabel('Score file (YAML)')).toHaveValue(
    /deprecated-files-example/,
  );
  await expect(
    page.getByText('Restored your unsaved Score file.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Preview the deployment' }).click();

  const workload = page.getByRole('region', {
    name: 'Workload deprecated-files-example',
  });
  await expect(workload.getByLabel('Converted workload')).toContainText(
    'image: example-image:latest',
  );
  // The change's cards render as they come near the viewport.
  await page
    .getByRole('region', { name: 'What changes in the environment' })
    .scrollIntoViewIfNeeded();
  await expect(
    page.getByRole('group', { name: 'Text diff of deprecated-files-example' }),
  ).toContainText('/mnt/some-path');
  await expect(
    page
      .getByRole('region', { name: 'Resources it will match' })
      .getByText('The workload asks for no resources of its own'),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await deployOnceTheChangeIsShown(
    page,
    'Deploy deprecated-files-example to development',
  );
  await expect(
    page.getByRole('heading', { level: 1, name: /^Deployment / }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Status' })
      .getByText('Succeeded', { exact: true }),
  ).toBeVisible({ timeout: 30_000 });
  await page.goto(ENV);
  await expect(
    page
      .getByRole('table', { name: /Workloads/ })
      .getByText('deprecated-files-example', { exact: true }),
  ).toBeVisible();
});

test('the dependencies sample deploys where its backend runs: postgres of class sensitive, shared dns', async ({
  page,
}) => {
  await openScorePage(page, '/orgs/acme/apps/identity/envs/staging');
  await page.getByLabel('Start from a sample').selectOption('dependencies');
  await expect(page.getByLabel('Score file (YAML)')).toHaveValue(
    /name: service-a/,
  );
  // The sample comes with its extensions file (db private, dns shared).
  await page.getByText('Humanitec extensions and image (optional)').click();
  await expect(
    page.getByLabel('Extensions file (humanitec.org/v1b1)'),
  ).toHaveValue(sample('score-humanitec-03-dependencies.humanitec.yaml'));
  await page.getByRole('button', { name: 'Preview the deployment' }).click();
  const resources = page.getByRole('region', {
    name: 'Resources it will match',
  });
  await expect(
    resources.getByRole('row', { name: /modules\.service-a\.externals\.db/ }),
  ).toContainText('postgres-sensitive');
  await expect(
    resources.getByRole('row', { name: /shared\.dns/ }),
  ).toContainText('default-dns');
  await expectNoAxeViolations(page);
  await deployOnceTheChangeIsShown(page, 'Deploy service-a to staging');
  await expect(
    page
      .getByRole('region', { name: 'Status' })
      .getByText('Succeeded', { exact: true }),
  ).toBeVisible({ timeout: 30_000 });
});

test('a resource no definition matches is shown before deploying, then the deploy fails with RES-MATCH-001', async ({
  page,
}) => {
  await openScorePage(page);
  await page
    .getByLabel('Score file (YAML)')
    .fill(
      [
        'apiVersion: score.dev/v1b1',
        'metadata:',
        '  name: reports',
        'containers:',
        '  reports:',
        '    image: registry.acme.dev/reports:1.0.0',
        '    variables:',
        '      DB_HOST: ${resources.db.host}',
        'resources:',
        '  db:',
        '    type: postgres',
        '    class: huge',
        '',
      ].join('\n'),
    );
  await page.getByRole('button', { name: 'Preview the deployment' }).click();
  const resources = page.getByRole('region', {
    name: 'Resources it will match',
  });
  await expect(
    resources.getByRole('row', { name: /modules\.reports\.externals\.db/ }),
  ).toContainText('No definition matches (RES-MATCH-001)');
  await expect(resources.getByRole('status')).toContainText(
    'the deployment will fail with RES-MATCH-001',
  );
  await expectNoAxeViolations(page);
  // The review fits a phone too.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => sideways(page)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  await deployOnceTheChangeIsShown(page, 'Deploy reports to development');
  await expect(
    page
      .getByRole('region', { name: 'Status' })
      .getByText('Failed', { exact: true }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('RES-MATCH-001').first()).toBeVisible();
});

test('a file the Score schema refuses names the field; the page works at 390 px', async ({
  page,
}) => {
  await openScorePage(page);
  await page.getByLabel('Start from a sample').selectOption('extras');
  await page.getByRole('button', { name: 'Preview the deployment' }).click();
  // Named from the file's root, with its line (the API names it from the request: spec.service…).
  await expect(page.getByRole('alert')).toContainText(
    'The Score file is not valid score.dev/v1b1: service.ports.www.port is required.',
  );
  await expect(
    page.getByRole('list', { name: 'Where in the Score file' }),
  ).toHaveText(/^Line \d+: service\.ports\.www\.port$/);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => sideways(page)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  // Keyboard: the sample picker, the upload and the text are reachable in order.
  await page.getByLabel('Start from a sample').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Upload score.yaml')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Score file (YAML)')).toBeFocused();
});
