import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

// Issue 20's "Done when", in the browser: a platform engineer creates a postgres definition for staging with a
// criteria, sees "Which definition matches?" pick it, deploys shop (whose api reads ${shared.db.host}) to staging
// through the console, sees the active resource, the filled placeholder and the graph, then breaks the definition's
// inputs and sees the next deploy fail with the definition named as the root cause. Its own definition id, so it
// never meets resource-definitions.spec.ts's pg-staging; each test starts from a fresh demo organisation.

const ORG = '/orgs/acme';
const DEF = 'pg-journey';
const DEFS = `${ORG}/resources/definitions`;
const STAGING = `${ORG}/apps/shop/envs/staging`;

/** Deploys a new image of shop's api to staging from the workload page, and waits for the deployment to end. */
async function deployApi(page: Page, tag: string, comment: string) {
  await page.goto(`${STAGING}/workloads/api`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'api' }),
  ).toBeVisible();
  await page
    .getByLabel('Image of container api')
    .fill(`registry.acme.dev/shop/api:${tag}`);
  await page.getByLabel('Comment').fill(comment);
  await page.getByRole('button', { name: 'Deploy to staging' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^Deployment / }),
  ).toBeVisible();
  const status = page.getByRole('region', { name: 'Status' });
  await expect(status.getByText(/^(Succeeded|Failed)$/)).toBeVisible({
    timeout: 30_000,
  });
  return status;
}

test('a staging postgres definition from a blank start: it wins the match, shop deploys on it, then broken inputs fail the deploy and name it', async ({
  page,
}) => {
  // Create the definition: humanitec/postgres, version 15.
  await page.goto(`${DEFS}/new?type=postgres`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'New resource definition' }),
  ).toBeVisible();
  await page.getByLabel('Definition id').fill(DEF);
  await page.getByLabel('Resource type').selectOption('postgres');
  await page
    .getByLabel('Driver', { exact: true })
    .selectOption('humanitec/postgres');
  await page.getByLabel('Version').fill('15');
  await page.getByRole('button', { name: 'Create definition' }).click();
  await expect(page).toHaveURL(`${DEFS}/${DEF}`);

  // Its criteria: staging environments.
  const criteria = page.getByRole('region', { name: 'Matching criteria' });
  await criteria.getByLabel('Environment type').selectOption('staging');
  await criteria.getByRole('button', { name: 'Add criteria' }).click();
  // The criteria's row (exact): the form's preview, "Matches staging environments.", may still show until it resets.
  await expect(
    criteria.getByText('staging environments', { exact: true }),
  ).toBeVisible();

  // "Which definition matches?" picks it for shop's staging database.
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
  const answer = page.getByRole('region', { name: 'Answer' });
  await expect(answer.getByRole('link', { name: DEF })).toBeVisible();
  await expectNoAxeViolations(page);

  // Deploy shop to staging through the console: a new api image from its workload page.
  const status = await deployApi(page, '1.4.3', 'Staging on its own database');
  await expect(status.getByText('Succeeded', { exact: true })).toBeVisible();

  // The deployment's graph: the database is OK, and came from the new definition.
  const graph = page.getByRole('region', { name: 'Resource graph' });
  await expect(
    graph.getByRole('button', { name: /^shared\.db, postgres: OK\./ }),
  ).toBeVisible();
  await graph.getByRole('button', { name: 'Table' }).click();
  await expect(
    graph.getByRole('row', { name: /shared\.db/ }).getByRole('link', {
      name: DEF,
    }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // The environment's Resources panel: shared.db, provisioned by pg-journey.
  await page.goto(STAGING);
  const resources = page
    .getByRole('region', { name: 'Resources', exact: true })
    .getByRole('table', { name: 'Active resources of staging' });
  const db = resources.getByRole('row').filter({
    has: page.getByRole('rowheader', { name: 'shared.db' }),
  });
  await expect(db.getByRole('link', { name: DEF })).toHaveAttribute(
    'href',
    `${DEFS}/${DEF}`,
  );
  await expect(db).toContainText('Active');
  await expect(db).toContainText('shop-staging-shared-db.postgres.internal');
  await expectNoAxeViolations(page);

  // The api's page: DB_HOST as written and as the deployment filled it.
  await page.goto(`${STAGING}/workloads/api`);
  const filled = page.getByRole('table', { name: 'Filled placeholders' });
  const host = filled.getByRole('row').filter({
    has: page.getByRole('rowheader', { name: /DB_HOST$/ }),
  });
  await expect(host).toContainText('${shared.db.host}');
  await expect(host).toContainText('shop-staging-shared-db.postgres.internal');
  await expectNoAxeViolations(page);

  // Break the definition: an unsupported PostgreSQL version, saved as a new version in its editor.
  await page.goto(`${DEFS}/${DEF}`);
  await expect(
    page.getByRole('heading', { level: 1, name: DEF }),
  ).toBeVisible();
  await page.getByLabel('Version', { exact: true }).fill('9');
  await page.getByRole('button', { name: 'Save a new version' }).click();
  // Skeletons are statuses too ("Loading …"): the one that says it was saved.
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved as a new version.' }),
  ).toBeVisible();

  // Deploy again: it fails on the database.
  const again = await deployApi(page, '1.4.4', 'Staging after the break');
  await expect(again.getByText('Failed', { exact: true })).toBeVisible();
  // The step's error names the definition that matched and why its driver refused it.
  await expect(
    page
      .getByText(
        /^Resource "shared\.db".*PostgreSQL version "9" is not supported/,
      )
      .filter({ visible: true })
      .first(),
  ).toContainText('It matched resource definition `pg-journey`');

  // The environment's Health names the definition and its driver as the root cause.
  await page.goto(STAGING);
  const health = page.getByRole('region', { name: 'Health' });
  await expect(health.locator('.banner__summary')).toContainText(
    'shared resource db (postgres) could not be provisioned',
  );
  await expect(health.locator('.health-definition')).toContainText(DEF);
  await expect(health.locator('.health-definition')).toContainText(
    'humanitec/postgres',
  );
  await expect(
    health.getByRole('link', { name: 'Which definition matches?' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await health.getByRole('link', { name: `Open definition ${DEF}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: DEF }),
  ).toBeVisible();
  await expect(page.getByLabel('Version', { exact: true })).toHaveValue('9');
});
