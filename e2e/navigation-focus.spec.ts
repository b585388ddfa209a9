import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

// With the console's animations on (the suite runs with reduced motion: playwright.config.ts).
test.use({ reducedMotion: 'no-preference' });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const palette = (page: Page) =>
  page.getByRole('dialog', { name: 'Command palette' });
const scrollY = (page: Page) => page.evaluate(() => Math.round(window.scrollY));

test.describe('the command palette keeps every keystroke typed right after Ctrl+K', () => {
  test('on the first open after a cold load', async ({ page }) => {
    await page.goto('/orgs/acme/apps');
    await expect(h1(page)).toHaveText('Applications');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('identity');
    const input = palette(page).getByRole('combobox');
    await expect(input).toHaveValue('identity');
    await expect(input).toBeFocused();
    await expect(palette(page).getByRole('option').first()).toContainText(
      'Identity',
    );
  });
});

test('the palette opens a pipeline', async ({ page }) => {
  await page.goto('/orgs/acme/apps');
  await expect(h1(page)).toHaveText('Applications');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('promote to staging');
  const first = palette(page).getByRole('option').first();
  await expect(first).toContainText('Deploy, test and promote to staging');
  await expect(first).toContainText('promote-to-staging · shop');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Deploy, test and promote to staging');
  await expect(page).toHaveURL(
    /\/orgs\/acme\/apps\/shop\/pipelines\/promote-to-staging$/,
  );
});

test('the palette opens every page of the sidebar', async ({ page }) => {
  await page.goto('/orgs/acme/apps');
  await expect(h1(page)).toHaveText('Applications');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('team perf');
  await expect(palette(page).getByRole('option').first()).toContainText(
    'Team performance',
  );
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Team performance');
  await expect(page).toHaveURL(/\/orgs\/acme\/metrics$/);
});

test('a link opens the new page at its top; Back returns to where the old page was left', async ({
  page,
}) => {
  await page.goto('/orgs/acme/workload-profiles');
  await expect(h1(page)).toHaveText('Workload profiles');
  const example = page
    .getByRole('link', { name: /^Start from the example/ })
    .last();
  await expect(example).toBeVisible();
  const bottom = async () => {
    await page.evaluate(() =>
      window.scrollTo(0, document.documentElement.scrollHeight),
    );
    await expect.poll(() => scrollY(page)).toBeGreaterThan(100);
    return scrollY(page);
  };

  const left = await bottom();
  await example.click();
  await expect(page).toHaveURL(/\/workload-profiles\/new\?example=/);
  await expect(h1(page)).toBeVisible();
  await expect.poll(() => scrollY(page)).toBe(0);

  await page.goBack();
  await expect(h1(page)).toHaveText('Workload profiles');
  await expect.poll(() => scrollY(page)).toBe(left);
  await page.goForward();
  await expect(page).toHaveURL(/\/workload-profiles\/new\?example=/);
  await expect.poll(() => scrollY(page)).toBe(0);
});

test('an address opened in the same tab starts at its top, not where an earlier page was left; a reload keeps its place', async ({
  page,
}) => {
  await page.goto('/orgs/acme/settings');
  await expect(h1(page)).toHaveText('Organisation settings');
  await expect(page.locator('.skeleton')).toHaveCount(0);
  await page.evaluate(() =>
    window.scrollTo(0, document.documentElement.scrollHeight),
  );
  await expect.poll(() => scrollY(page)).toBeGreaterThan(300);
  // Typed into the address bar (or opened from elsewhere): a fresh page, whose entry has no key of the router's yet,
  // like the settings page's had. It used the settings page's position.
  await page.goto('/orgs/acme/apps/shop/envs/development');
  await expect(h1(page)).toHaveText('Development');
  await expect(page.locator('.skeleton')).toHaveCount(0);
  await expect(h1(page)).toBeInViewport();
  expect(await scrollY(page)).toBe(0);
  // A reload still returns to where the page was left.
  await page.evaluate(() => window.scrollTo(0, 400));
  await expect.poll(() => scrollY(page)).toBe(400);
  await page.reload();
  await expect(h1(page)).toHaveText('Development');
  await expect.poll(() => scrollY(page)).toBe(400);
});

test('closing the runtime panel returns focus to the button that opened it', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps/shop/envs/staging');
  await expect(h1(page)).toHaveText('Staging');
  const opener = page.getByRole('button', { name: 'Runtime and logs of cart' });
  const panel = page.getByRole('dialog', { name: 'Workload cart' });

  // Closed with Escape.
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await expect(page).toHaveURL(/\?workload=cart$/);
  await expect(panel.getByRole('button', { name: 'Close' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(opener).toBeFocused();

  // Closed with its Close button, from the keyboard.
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeHidden();
  await expect(page).not.toHaveURL(/workload=/);
  await expect(opener).toBeFocused();
});

test('closing the navigation drawer on a phone returns focus to the menu button; a followed link goes to the new page', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/orgs/acme/apps/shop');
  await expect(h1(page)).toHaveText('Shop');
  const menu = page.getByRole('button', { name: 'Open navigation menu' });
  const drawer = page.getByRole('dialog', { name: 'Navigation' });

  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(drawer).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.press('Enter');
  await drawer.getByRole('button', { name: 'Close navigation' }).click();
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();

  await page.keyboard.press('Enter');
  await drawer.getByRole('link', { name: 'Fleet' }).click();
  await expect(h1(page)).toHaveText('Fleet');
  await expect(h1(page)).toBeFocused();
});

test('the environment page\'s "On this page" links take the keyboard to a section in a few Tabs', async ({
  page,
}) => {
  await page.goto('/orgs/acme/apps/shop/envs/staging');
  await expect(h1(page)).toHaveText('Staging');
  await expect(h1(page)).toBeFocused();
  const sections = page.getByRole('navigation', { name: 'On this page' });
  const history = sections.getByRole('link', { name: 'Deployment history' });
  // From the heading: the header's actions, then the section links (it took ~58 Tabs past every resource's buttons).
  let tabs = 0;
  while (!(await history.evaluate((link) => link === document.activeElement))) {
    await page.keyboard.press('Tab');
    tabs += 1;
    expect(tabs, 'Tabs from the heading to the link').toBeLessThan(15);
  }
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', {
    level: 2,
    name: 'Deployment history',
  });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  // Not under the sticky top bar.
  const bar = await page.locator('header').first().boundingBox();
  const box = await heading.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height);
  // The next Tab goes on from the section, and the address did not change.
  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('region', { name: 'Deployment history' }).locator(':focus'),
  ).toHaveCount(1);
  await expect(page).toHaveURL(/\/envs\/staging$/);
  await expectNoAxeViolations(page);
});
