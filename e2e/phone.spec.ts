import type { Locator, Page } from '@playwright/test';
import {
  callApi,
  expect,
  expectNoAxeViolations,
  fixShopDevelopment,
  requestDevelopmentRun,
  test,
} from './fixtures';

// Every page of the console on a phone (390 px, a few of the widest at 320 px): the document never scrolls sideways
// (wide tables scroll in their own box) and axe finds nothing. Ids come from the app's own links, not from guesses.
test.use({ viewport: { width: 390, height: 844 } });

const ORG = '/orgs/acme';
const SHOP = `${ORG}/apps/shop`;

/** The page (its h1 named `heading`, or `ready` visible) has settled, is no wider than the window, and passes axe. */
async function expectPhoneReady(
  page: Page,
  heading: string | RegExp | Locator,
) {
  const ready =
    typeof heading === 'string' || heading instanceof RegExp
      ? page.getByRole('heading', { level: 1, name: heading })
      : heading;
  await expect(ready).toBeVisible();
  await expect(page.locator('.skeleton')).toHaveCount(0);
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    // For the failure message: the first few elements that reach past the window.
    wide: [...document.querySelectorAll('body *')]
      .filter(
        (el) => el.getBoundingClientRect().right > window.innerWidth + 0.5,
      )
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent?.trim().slice(0, 30)}"`,
      ),
  }));
  expect(
    scrollWidth,
    `${page.url()} is ${scrollWidth} px wide at ${innerWidth} px: ${wide.join(', ')}`,
  ).toBeLessThanOrEqual(innerWidth);
  await expectNoAxeViolations(page);
}

/** The steps of Add workload (at 390 and at 320 px). */
const ADD_WORKLOAD: [name: string, url: string, heading: string][] = [
  [
    'adding a workload: name and profile',
    `${SHOP}/envs/development/new-workload`,
    'Add a workload',
  ],
  [
    "adding a workload: the profile's form",
    `${SHOP}/envs/development/new-workload?name=search&profile=acme%2Fweb-service&step=form`,
    'Add search',
  ],
];

/** Pages with a fixed address (the seeded demo organisation): where to go and the h1 that says it loaded. */
const PAGES: [name: string, url: string, heading: string | RegExp][] = [
  ['the landing', '/', 'Applications'],
  ['an app', SHOP, 'Shop'],
  ['an environment', `${SHOP}/envs/production`, 'Production'],
  ['a workload', `${SHOP}/envs/production/workloads/cart`, /cart/],
  [
    'the workload editor',
    `${SHOP}/envs/development/workloads/cart/edit`,
    /cart/,
  ],
  ['settings (every section is on the page)', `${ORG}/settings`, 'Settings'],
  [
    "changing a workload's profile",
    `${SHOP}/envs/development/workloads/cart/change-profile`,
    'Change the profile of cart',
  ],
  [
    "changing a workload's profile: what carries over, and the form",
    `${SHOP}/envs/development/workloads/cart/change-profile?profile=acme%2Fworker&step=form`,
    'Change the profile of cart',
  ],
  ...ADD_WORKLOAD,
  ['workload profiles', `${ORG}/workload-profiles`, 'Workload profiles'],
  ['a new profile in the designer', `${ORG}/workload-profiles/new`, /New/],
  ['fleet', `${ORG}/fleet`, 'Fleet'],
  ['artefacts', `${ORG}/artefacts`, 'Artefacts'],
  ['agents', `${ORG}/agents`, 'Agents'],
  ['the audit log', `${ORG}/audit-log`, 'Audit log'],
  ['team performance', `${ORG}/metrics`, 'Team performance'],
  ["the organisation's pipelines", `${ORG}/pipelines`, 'Pipelines'],
  ["an app's pipelines", `${SHOP}/pipelines`, /Pipelines/],
  [
    'a pipeline',
    `${SHOP}/pipelines/promote-to-staging`,
    'Deploy, test and promote to staging',
  ],
  ['a canary before any ran', `${SHOP}/envs/staging/canary`, /./],
  [
    'resource definitions',
    `${ORG}/resources/definitions`,
    'Resource definitions',
  ],
  [
    'a resource definition',
    `${ORG}/resources/definitions/postgres-dev`,
    'postgres-dev',
  ],
  [
    'which definition matches',
    `${ORG}/resources/match?app=shop&env=staging&type=postgres&res=shared.db`,
    'Which definition matches?',
  ],
];

for (const [name, url, heading] of PAGES) {
  test(`${name} fits a phone`, async ({ page }) => {
    await page.goto(url);
    await expectPhoneReady(page, heading);
  });
}

test("a deep page's trail shows the app and environment you are in on a phone", async ({
  page,
}) => {
  await page.goto(`${SHOP}/envs/production/workloads/cart`);
  await expectPhoneReady(page, /cart/);
  // The trail has the top bar's whole width (a row of its own): every crumb whole on screen, none scrolled off.
  const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
  for (const name of ['Apps', 'Shop', 'Production', 'cart'])
    await expect(trail.getByRole('link', { name, exact: true })).toBeInViewport(
      {
        ratio: 1,
      },
    );
  // The page's own sticky parts sit under the taller bar (its height is the one they use).
  const bar = await page.locator('header').first().boundingBox();
  const height = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue(
      '--topbar-height',
    ),
  );
  expect(`${bar?.height}px`).toBe(height.trim());
});

test('settings fits a phone when a service user has a long name', async ({
  page,
}) => {
  await page.goto(`${ORG}/settings`);
  await expectPhoneReady(page, 'Settings');
  const name = 'GitHub Actions deployer for the shop team and its releases';
  const created = await callApi(page, 'POST', '/orgs/acme/users', {
    body: { name, role: 'member' },
  });
  expect(created.status).toBe(200);
  await page.reload();
  // The new token's owner list holds the long name, and neither it nor its row reaches past the phone's edge.
  const owner = page.getByLabel('Service user', { exact: true });
  await expect(owner.locator('option').first()).toHaveText(new RegExp(name));
  await expectPhoneReady(page, 'Settings');

  // A new token's secret, shown once, is all on screen (it wraps), to read or select on the phone.
  await page.getByLabel('Token id').fill('phone-token');
  await page.getByRole('button', { name: 'Create token' }).click();
  const dialog = page.getByRole('dialog', {
    name: 'Token phone-token created',
  });
  const secret = dialog.getByTestId('token-secret');
  await expect(secret).toHaveText(/^hum_/);
  const [box, frame] = await Promise.all([
    secret.boundingBox(),
    dialog.boundingBox(),
  ]);
  expect(box!.x + box!.width).toBeLessThanOrEqual(frame!.x + frame!.width);
  await dialog.getByRole('button', { name: 'Done' }).click();
});

test("an environment's workloads and deployments are cards on a phone: a failing one's status and reason in view", async ({
  page,
}) => {
  await page.goto(`${SHOP}/envs/staging`);
  const workloads = page.getByRole('table', { name: 'Workloads' });
  await expectPhoneReady(page, /staging/i);
  const cart = workloads.getByRole('row', { name: /^cart/ });
  await cart.scrollIntoViewIfNeeded();
  // Not kept to the right of a table that scrolls sideways: within the screen's width.
  await expect(cart.getByText('Failed')).toBeInViewport({ ratio: 1 });
  await expect(cart.getByText('CrashLoopBackOff')).toBeInViewport({
    ratio: 1,
  });
  // The deployment history too: each comment whole, not cut at the card's edge.
  const latest = page
    .getByRole('table', { name: 'Deployment history' })
    .getByRole('link', {
      name: 'Try cart 1.1.0-rc.1 with the new checkout flow',
    });
  await latest.scrollIntoViewIfNeeded();
  await expect(latest).toBeInViewport({ ratio: 1 });
});

test("an environment's runtime panel fits a phone", async ({ page }) => {
  await page.goto(`${SHOP}/envs/production`);
  await page.getByRole('button', { name: 'Runtime and logs of cart' }).click();
  await expect(page).toHaveURL(/[?&]workload=cart/);
  const panel = page.getByRole('dialog', { name: 'Workload cart' });
  await expectPhoneReady(page, panel);
  // Each container's Logs button is on screen, not scrolled off to the right of a table.
  const logs = panel.getByRole('button', { name: /^Logs of cart in / });
  await expect(logs.first()).toBeInViewport({ ratio: 1 });
  await logs.first().click();
  await expect(panel.getByRole('log').first()).toBeVisible();
});

test('a deployment fits a phone', async ({ page }) => {
  await page.goto(`${SHOP}/envs/production`);
  await page
    .getByRole('table', { name: 'Deployment history' })
    .getByRole('link')
    .first()
    .click();
  await expect(page).toHaveURL(/\/deploys\//);
  await expectPhoneReady(page, /./);
  // Its manifest diff (production runs the Operator) fits the screen: a long token (a set id) once widened it past
  // the right edge, and a line's two numbers sit side by side (the new one had wrapped out of sight).
  const diff = page.locator('.diff-view .d2h-file-diff').first();
  await expect(diff).toBeVisible();
  expect(
    await diff.evaluate((d) => d.scrollWidth - d.clientWidth),
  ).toBeLessThanOrEqual(1);
  const numbers = diff.locator('.d2h-code-linenumber.d2h-cntx').first();
  const tops = await numbers
    .locator('.line-num1, .line-num2')
    .evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().top));
  expect(tops).toHaveLength(2);
  expect(tops[1]).toBe(tops[0]);
});

test('a workload profile in the designer fits a phone', async ({ page }) => {
  await page.goto(`${ORG}/workload-profiles`);
  await page
    .getByRole('link', { name: /web-service/ })
    .first()
    .click();
  await expect(page).toHaveURL(/workload-profiles\/acme%2Fweb-service/);
  await expectPhoneReady(page, /web-service/);
});

test('the diff fits a phone, unified and split', async ({ page }) => {
  await page.goto(`${SHOP}/envs/production`);
  await page
    .getByRole('link', { name: 'Compare with previous' })
    .first()
    .click();
  await expectPhoneReady(page, 'Compare deployments');
  // The two deployments' labels wrap inside their borders (a fixed-height pill spilled its second line).
  const labels = page.locator('.chip--wrap');
  await expect(labels).toHaveCount(2);
  for (const label of await labels.all())
    expect(
      await label.evaluate((e) => e.scrollHeight - e.clientHeight),
    ).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'Split' }).click();
  await expect(page).toHaveURL(/layout=split/);
  await expectPhoneReady(page, 'Compare deployments');
});

test('the clone page fits a phone', async ({ page }) => {
  await page.goto(`${SHOP}/envs/production`);
  await page.getByRole('link', { name: /^Clone to/ }).click();
  await expectPhoneReady(page, /Clone/);
});

test('a pipeline run and its canary fit a phone', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto(`${SHOP}/pipelines/promote-to-staging`);
  await fixShopDevelopment(page);
  await requestDevelopmentRun(page);
  const approval = page.getByRole('region', {
    name: 'Approval needed to deploy to staging',
  });
  await expect(approval).toBeVisible({ timeout: 30_000 });
  await expectPhoneReady(page, /./);
  // The job graph's stages stack: the promotion's steps are on screen, not cut off at its right edge.
  const promotion = page.getByRole('link', {
    name: 'Canary release to staging',
  });
  expect(
    await promotion.evaluate((link) => link.getBoundingClientRect().right),
  ).toBeLessThanOrEqual(390);

  await approval.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('region', { name: 'Run status' })).toContainText(
    'Succeeded',
    { timeout: 60_000 },
  );
  await page.getByRole('link', { name: 'Canary in staging' }).click();
  await expect(page.getByRole('figure', { name: 'Error rate' })).toBeVisible();
  await expectPhoneReady(page, /./);
});

test("the palette's deployment rows show their whole title on a phone", async ({
  page,
}) => {
  await page.goto(`${SHOP}/envs/staging`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Staging' }),
  ).toBeVisible();
  await page
    .getByRole('button', { name: /Search/ })
    .first()
    .click();
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('payments');
  const row = palette.getByRole('option', {
    name: /Bump payments api to 2\.1\.0/,
  });
  await expect(row.first()).toBeVisible();
  // The title is not cut (its text fits its box); the status word is still said, its icon shows it.
  const title = row.first().locator('.palette__label');
  expect(await title.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(
    true,
  );
  await expect(row.first()).toContainText('Succeeded');
});

test('the sidebar and the breadcrumbs work on a phone', async ({ page }) => {
  await page.goto(`${SHOP}/envs/production`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Production' }),
  ).toBeVisible();
  const crumbs = page.getByRole('navigation', { name: /breadcrumb/i });
  await crumbs.getByRole('link', { name: 'Shop', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Shop' }),
  ).toBeVisible();

  // The trail has a row of its own: at 390 px this page's whole trail fits, nothing cut or faded.
  await page.goto(`${SHOP}/envs/production/workloads/api/edit`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Edit api' }),
  ).toBeVisible();
  const trail = crumbs.getByRole('list');
  for (const link of await crumbs.getByRole('link').all())
    await expect(link).toBeInViewport({ ratio: 1 });
  await expect(trail).toHaveCSS('mask-image', 'none');
  // A trail longer than the phone is wide (here at 320 px) shows its end: the current page is never the crumb cut off.
  await page.setViewportSize({ width: 320, height: 640 });
  const current = crumbs.locator('[aria-current="page"]');
  await expect(current).toBeVisible();
  await expect
    .poll(async () => {
      const [nav, last] = await Promise.all([
        crumbs.boundingBox(),
        current.boundingBox(),
      ]);
      return (
        !!nav &&
        !!last &&
        last.x >= nav.x &&
        last.x + last.width <= nav.x + nav.width + 1
      );
    })
    .toBe(true);
  // The crumbs cut off at the start fade out there, until the trail is scrolled back to its start.
  await expect(trail).toHaveCSS('mask-image', /linear-gradient/);
  await trail.evaluate((ol) => ol.scrollTo({ left: 0 }));
  await expect(trail).toHaveCSS('mask-image', /linear-gradient\(to left/);
  await page.setViewportSize({ width: 390, height: 844 });

  // The keyboard shortcuts keep each chord on one line: Ctrl+K's row is as tall as /'s.
  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const keyCells = shortcuts.locator('.shortcuts__keys');
  await expect(keyCells.first()).toContainText('Ctrl');
  const [chord, single] = await Promise.all([
    keyCells.nth(0).boundingBox(),
    keyCells.nth(1).boundingBox(),
  ]);
  expect(chord!.height).toBeLessThanOrEqual(single!.height + 1);
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();

  await page.getByRole('button', { name: 'Open navigation menu' }).click();
  await page.getByRole('dialog').getByRole('link', { name: 'Fleet' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Fleet' }),
  ).toBeVisible();
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  const WIDEST: [name: string, url: string, heading: string][] = [
    ['an app', SHOP, 'Shop'],
    ['an environment', `${SHOP}/envs/production`, 'Production'],
    ['settings', `${ORG}/settings`, 'Settings'],
    ...ADD_WORKLOAD,
    ['workload profiles', `${ORG}/workload-profiles`, 'Workload profiles'],
    ['fleet', `${ORG}/fleet`, 'Fleet'],
  ];
  for (const [name, url, heading] of WIDEST) {
    test(`${name} still fits`, async ({ page }) => {
      await page.goto(url);
      await expectPhoneReady(page, heading);
    });
  }

  test('the diff still fits', async ({ page }) => {
    await page.goto(`${SHOP}/envs/production`);
    await page
      .getByRole('link', { name: 'Compare with previous' })
      .first()
      .click();
    await expectPhoneReady(page, 'Compare deployments');
  });
});
