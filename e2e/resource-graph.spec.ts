import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

/** payments/staging's newest deployment failed: its ledger-db asked for PostgreSQL 18, which the driver refuses. */
async function openFailedDeployment(page: Page) {
  await page.goto('/orgs/acme/apps/payments/envs/staging');
  await page
    .getByRole('region', { name: 'Health' })
    .getByRole('link', { name: /^Open deployment/ })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^Deployment / }),
  ).toBeVisible();
  return page.getByRole('region', { name: 'Resource graph' });
}

/** The nodes of the drawn graph (each a button named by its id, type and status). */
const nodesOf = (page: Page) =>
  page
    .getByRole('group', {
      name: /^Resource graph: \d+ workloads and resources/,
    })
    .getByRole('button');

/** How far the page reaches past the window (0 when nothing scrolls sideways). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('a failed deployment: the failed node first with its error and definition, keyboard through the graph, the table', async ({
  page,
}) => {
  const graph = await openFailedDeployment(page);

  // The failed resource first: its error, the definition that matched (a link to it) and its driver.
  const failed = graph.getByRole('listitem').first();
  await expect(failed).toContainText('postgres shared.ledger-db');
  await expect(failed).toContainText(
    'PostgreSQL version "18" is not supported',
  );
  await expect(failed).toContainText('humanitec/postgres');
  await expect(
    failed.getByRole('link', { name: 'postgres-default' }),
  ).toHaveAttribute(
    'href',
    '/orgs/acme/resources/definitions/postgres-default',
  );

  // The graph: every node drawn, one tab stop, on the failed node.
  const nodes = nodesOf(page);
  await expect(nodes.first()).toBeVisible();
  expect(await nodes.count()).toBeGreaterThan(5);
  const ledger = page.getByRole('button', {
    name: /^shared\.ledger-db, postgres: Failed\./,
  });
  await expect(ledger).toHaveAttribute('tabindex', '0');
  await expect(page.locator('[data-key][tabindex="0"]')).toHaveCount(1);
  await expect(
    page.getByRole('button', { name: /^api, workload: Not provisioned\./ }),
  ).toBeVisible();

  // Tab reaches the graph at its one stop (after "Show in graph" and the definition's link).
  await graph.getByRole('button', { name: 'Show in graph' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(ledger).toBeFocused();

  // Left: to a workload that uses the database; Right: back along an edge to what it needs.
  await page.keyboard.press('ArrowLeft');
  const user = page.locator('[data-key]:focus');
  await expect(user).toHaveAttribute('aria-label', /workload: Not provisioned/);
  await expect(ledger).toHaveAttribute('tabindex', '-1');
  await expect(user).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-key]:focus')).toHaveCount(1);
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  await expect(page.locator('[data-key]:focus')).toHaveAttribute(
    'aria-label',
    /^k8s-cluster, k8s-cluster: OK\./,
  );

  // Enter opens the node's details; "Used by" moves to a node that needs it.
  await page.keyboard.press('Enter');
  const details = graph.getByRole('region', { name: /k8s-cluster/ });
  await expect(details).toContainText('Definition');
  await details.getByRole('button', { name: 'k8s-namespace' }).click();
  await expect(
    page.getByRole('button', { name: /^k8s-namespace, k8s-namespace: OK\./ }),
  ).toBeFocused();
  await expectNoAxeViolations(page);

  // The same data as a table: failed first.
  await graph.getByRole('button', { name: 'Table' }).click();
  await expect(graph.getByRole('button', { name: 'Table' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const table = graph.getByRole('table', {
    name: /^Workloads and resources of this deployment/,
  });
  const firstRow = table.getByRole('row').nth(1);
  await expect(firstRow).toContainText('Failed');
  await expect(firstRow).toContainText('shared.ledger-db');
  await expect(
    firstRow.getByRole('link', { name: 'postgres-default' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // "Show in graph" brings the graph back with the failed node focused and open.
  await graph.getByRole('button', { name: 'Show in graph' }).click();
  await expect(ledger).toBeFocused();
  await expect(
    graph.getByRole('region', { name: /shared\.ledger-db/ }),
  ).toContainText('RES-PROV-001');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the resource graph in the ${theme} theme at 1280 and 390 px: accessible, panning inside its panel`, async ({
    page,
  }) => {
    await page.addInitScript(
      (t) => localStorage.setItem('console:theme', t),
      theme,
    );
    const graph = await openFailedDeployment(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(nodesOf(page).first()).toBeVisible();
    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(nodesOf(page).first()).toBeVisible();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    // The graph is wider than a phone: it scrolls inside its own box.
    const scroller = graph.locator('.resource-graph__scroll');
    expect(
      await scroller.evaluate((el) => el.scrollWidth > el.clientWidth),
    ).toBe(true);
    await expectNoAxeViolations(page);

    await graph.getByRole('button', { name: 'Table' }).click();
    await expect(graph.getByRole('table')).toBeVisible();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
}

test('a deployment of 200 resources: its timeline shows the first 25 succeeded steps, then every step on demand', async ({
  page,
}) => {
  await page.goto(
    '/orgs/acme/apps/resource-graph/envs/development?scenario=resource-graph',
  );
  await page
    .getByRole('link', { name: 'Release 60 services on 140 resources' })
    .first()
    .click();
  await expect(nodesOf(page)).toHaveCount(200);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const steps = timeline
    .getByRole('list', { name: 'Deployment steps' })
    .getByRole('listitem');
  await expect(steps).toHaveCount(25);
  const total = Number(
    (await timeline.getByText(/^\d+ steps$/).textContent())!.split(' ')[0],
  );
  expect(total).toBeGreaterThan(100);
  await expect(timeline).toContainText(`${total - 25} more succeeded steps`);
  const more = timeline.getByRole('button', {
    name: `Show all ${total} steps`,
  });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(steps).toHaveCount(total);
  // The same button folds them again; focus stays on it.
  const fewer = timeline.getByRole('button', {
    name: 'Show the first 25 succeeded steps',
  });
  await expect(fewer).toBeFocused();
  await expect(fewer).toHaveAttribute('aria-expanded', 'true');
  await fewer.click();
  await expect(steps).toHaveCount(25);
  await expectNoAxeViolations(page);
});
