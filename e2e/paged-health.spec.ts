// What needs attention a page at a time (issue 24 §3: the huge scenario's whole organisation health was 6 MB and
// 13-25 s): on the 1,000-app scenario the landing asks the server for 20 rows (per_page=20, never the whole
// health), says how many environments need attention in all and adds 20 more on request, from the keyboard,
// at a desktop width and on a phone, axe clean.
import { expect, expectNoAxeViolations, test } from './fixtures';
import type { Page } from '@playwright/test';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

for (const width of [1280, 390]) {
  test(`the landing pages what needs attention at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('/console/health')) asked.push(url.search);
    });
    await page.goto('/?scenario=large');
    // The browser generates the 1,000-app organisation before the first answer: slow with both cores busy.
    await expect(h1(page)).toHaveText('Applications', { timeout: 60_000 });
    const panel = page.getByRole('region', { name: 'Needs attention' });
    const rows = panel.getByRole('listitem');
    await expect(rows).toHaveCount(20, { timeout: 30_000 });
    const count = await panel.getByText(/^[\d,]+ environments$/).textContent();
    const total = Number(count!.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(40);
    const more = panel.getByRole('button', {
      name: `Show 20 more of ${(total - 20).toLocaleString('en')}`,
    });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(rows).toHaveCount(40);
    await expect(
      panel.getByRole('button', {
        name: `Show 20 more of ${(total - 40).toLocaleString('en')}`,
      }),
    ).toBeVisible();
    // Every request asked for a page; none for the whole health.
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((search) => /per_page=20/.test(search))).toBe(true);
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      ),
    ).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
}
