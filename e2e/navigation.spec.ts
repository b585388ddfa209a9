import { expect, expectNoAxeViolations, test } from './fixtures';
import type { Page } from '@playwright/test';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const palette = (page: Page) =>
  page.getByRole('dialog', { name: 'Command palette' });

test('from the landing page to a deployment by keyboard alone, and back with the back button', async ({
  page,
}) => {
  await page.goto('/');
  await expect(h1(page)).toHaveText('Applications');
  await expectNoAxeViolations(page);

  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await expect(palette(page).getByRole('combobox')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.type('shop stag');
  await expect(palette(page).getByRole('option').first()).toContainText(
    'Staging',
  );
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Staging');
  await expect(h1(page)).toBeFocused();
  await expect(page).toHaveURL(/\/orgs\/acme\/apps\/shop\/envs\/staging$/);

  // The newest deployment of shop/staging, by its comment.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('cart 1.1.0-rc.1');
  const option = palette(page).getByRole('option').first();
  await expect(option).toContainText('shop · staging');
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText(/^Deployment /);
  await expect(h1(page)).toBeFocused();
  await expect(page).toHaveURL(
    /\/orgs\/acme\/apps\/shop\/envs\/staging\/deploys\/[0-9a-f]+$/,
  );
  await expectNoAxeViolations(page);

  await page.goBack();
  await expect(h1(page)).toHaveText('Staging');
  await page.goBack();
  await expect(h1(page)).toHaveText('Applications');
  await page.goForward();
  await expect(h1(page)).toHaveText('Staging');
});

test('breadcrumb switchers list siblings as real links', async ({
  page,
  context,
}) => {
  await page.goto('/orgs/acme/apps/shop/envs/staging');
  await expect(h1(page)).toHaveText('Staging');
  const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(trail.getByRole('link', { name: 'Shop' })).toHaveAttribute(
    'href',
    '/orgs/acme/apps/shop',
  );
  await trail.getByRole('button', { name: 'Switch environment' }).click();
  const switcher = page.getByRole('dialog', { name: 'Switch environment' });
  await expect(
    switcher.getByRole('link', { name: /Production/ }),
  ).toContainText('Healthy');
  await expectNoAxeViolations(page);
  // A middle click opens the sibling in a new tab.
  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    switcher
      .getByRole('link', { name: /Development/ })
      .click({ button: 'middle' }),
  ]);
  await expect(tab).toHaveURL(/\/orgs\/acme\/apps\/shop\/envs\/development$/);
  await tab.close();
  await page.keyboard.press('Escape');
  await expect(switcher).toBeHidden();
  await expect(h1(page)).toHaveText('Staging');
});

test.describe('not found', () => {
  // The API answers 404 for the unknown deployment, and Chromium logs every failed request.
  test.use({
    allowedConsoleErrors: [
      /status of 404 \(Not Found\).*\/api\/orgs\/acme\/apps\/shop\/envs\/staging\/deploys\/0000000nope/,
    ],
  });

  test('unknown ids and addresses show a not-found page with a way back', async ({
    page,
  }) => {
    await page.goto('/orgs/acme/apps/shop/envs/staging/deploys/0000000nope');
    await expect(h1(page)).toHaveText('Not found');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Back to applications' }).click();
    await expect(h1(page)).toHaveText('Applications');

    await page.goto('/orgs/acme/nowhere');
    await expect(h1(page)).toHaveText('Page not found');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Go to your applications' }).click();
    await expect(h1(page)).toHaveText('Applications');
  });
});

test('g a, g e and ? shortcuts; Escape closes the top-most layer', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps/payments/envs/staging');
  await expect(h1(page)).toHaveText('Staging');
  await page.keyboard.press('g');
  await page.keyboard.press('e');
  await expect(h1(page)).toHaveText('Payments');
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(h1(page)).toHaveText('Applications');
  await expect(page).toHaveURL(/\/orgs\/acme\/apps$/);

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // The user menu (theme, shortcuts) closes with Escape too.
  await page.getByRole('button', { name: /User menu/ }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
});

test('pins and recent places appear in the sidebar and the palette, and outlive the page', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps/identity/envs/development');
  await expect(h1(page)).toHaveText('Development');
  await page.getByRole('button', { name: 'Pin this page' }).click();
  await expect(
    page.getByRole('button', { name: 'Pin this page' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/orgs/acme/apps/docs-site');
  await expect(h1(page)).toHaveText('Docs Site');
  await page.goto('/orgs/acme/apps/shop');
  await expect(h1(page)).toHaveText('Shop');
  const recent = page.getByRole('navigation', { name: 'Recent' });
  await expect(recent.getByRole('link', { name: 'Docs Site' })).toHaveAttribute(
    'href',
    '/orgs/acme/apps/docs-site',
  );
  const pinned = page.getByRole('navigation', { name: 'Pinned' });
  await expect(
    pinned.getByRole('link', { name: /Development/ }),
  ).toHaveAttribute('href', '/orgs/acme/apps/identity/envs/development');
  await page.keyboard.press('Control+k');
  await expect(palette(page).getByRole('option').first()).toContainText(
    'Development',
  );
  await expect(palette(page).getByText('Pinned')).toBeVisible();
  await expect(palette(page).getByText('Recent')).toBeVisible();
  await expect(palette(page).getByRole('option').nth(1)).toContainText(
    'Docs Site',
  );
  await page.keyboard.press('Escape');
  await expectNoAxeViolations(page);
});

test('the sidebar collapses to a rail and remembers it; a rail below 1024 px, a menu button on narrow screens', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps/shop/envs/production');
  await expect(h1(page)).toHaveText('Production');
  await page.getByRole('button', { name: 'Collapse sidebar' }).click();
  const main = page.getByRole('navigation', { name: 'Main' });
  await expect(main.getByRole('link', { name: 'Apps' })).toBeVisible();
  await expect(main.getByText('Workload profiles')).toHaveCount(0);
  await page.reload();
  await expect(
    page.getByRole('button', { name: 'Expand sidebar' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Expand sidebar' }).click();
  await expect(main.getByText('Workload profiles')).toBeVisible();

  await page.setViewportSize({ width: 900, height: 700 });
  await expect(
    page.getByRole('button', { name: 'Expand sidebar' }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: /Environments of/ })
      .getByRole('link', { name: /Production, Healthy/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Expand sidebar' }).click();
  const drawer = page.getByRole('dialog', { name: 'Navigation' });
  await expect(
    drawer.getByRole('link', { name: 'Organisation settings' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  await page.setViewportSize({ width: 390, height: 760 });
  await expect(page.getByRole('button', { name: /sidebar/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Open navigation menu' }).click();
  await expect(drawer).toBeVisible();
  await expectNoAxeViolations(page);
  // Escape closes the top-most layer only: the palette over the drawer, then the drawer.
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  // As a user would: Escape once the palette is there (its search box has focus), not while its code still loads.
  await expect(palette(page).getByRole('combobox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(drawer).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.getByRole('button', { name: 'Open navigation menu' }).click();
  await drawer.getByRole('link', { name: /Staging/ }).click();
  await expect(drawer).toBeHidden();
  await expect(h1(page)).toHaveText('Staging');
  await expectNoAxeViolations(page);
});

test('the large organisation: 1,000 apps in the sidebar and the palette', async ({
  page,
}) => {
  await page.goto('/?scenario=large');
  // The browser generates the 1,000-app organisation before the first answer: slow with both cores busy.
  await expect(h1(page)).toHaveText('Applications', { timeout: 60_000 });
  const all = page.getByRole('navigation', { name: /All applications/ });
  await expect(all).toContainText('(1,000)');
  // Virtualized: far fewer links than apps are in the page.
  expect(await all.getByRole('link').count()).toBeLessThan(60);
  await page.keyboard.press('Control+k');
  await expect(palette(page).getByRole('combobox')).toBeFocused();
  await page.keyboard.type('billing api prod');
  await expect(palette(page).getByRole('combobox')).toHaveValue(
    'billing api prod',
  );
  await expect(palette(page).getByRole('option').first()).toContainText(
    'Billing API',
  );
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Production');
  await expect(page).toHaveURL(
    /\/orgs\/acme\/apps\/billing-api\/envs\/production$/,
  );
  await expectNoAxeViolations(page);
});
