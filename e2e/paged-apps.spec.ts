// The landing's app list a page at a time (issue 24 §3): the server sends the first 100 apps by name, the next
// page on request, and answers the search; on the 1,000-app scenario (the 10,000-app one is for the bench:
// generating it in the browser would make this spec slow), at a desktop width and on a phone.
import { expect, expectNoAxeViolations, test } from './fixtures';
import type { Page } from '@playwright/test';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

for (const width of [1280, 390]) {
  test(`the landing pages the 1,000 apps and searches them on the server at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const pages: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('/console/navigation-index'))
        pages.push(url.search);
    });
    await page.goto('/?scenario=large');
    // The browser generates the 1,000-app organisation before the first answer: slow with both cores busy.
    await expect(h1(page)).toHaveText('Applications', { timeout: 60_000 });
    const list = page.getByRole('region', { name: 'All applications' });
    const table = page.getByRole('table', { name: 'Applications' });
    await expect(list.getByRole('status')).toHaveText('1,000 applications');
    await expect(table.getByRole('row')).toHaveCount(1 + 100);
    // Asked a page at a time, by name, without deployments.
    expect(pages).toContainEqual(expect.stringMatching(/per_page=100/));
    expect(pages).toContainEqual(expect.stringMatching(/sort=name/));

    await list.getByRole('button', { name: 'Show 100 more of 900' }).click();
    await expect(table.getByRole('row')).toHaveCount(1 + 200);
    await expect(
      list.getByRole('button', { name: 'Show 100 more of 800' }),
    ).toBeVisible();

    const search = list.getByRole('searchbox', {
      name: 'Find an application',
    });
    await search.fill('checkout');
    await expect(list.getByRole('status')).toHaveText(
      '20 of 1,000 applications',
    );
    await expect(table.getByRole('row')).toHaveCount(1 + 20);
    await expect(
      table.getByRole('link', { name: 'Checkout API' }),
    ).toBeVisible();
    expect(pages).toContainEqual(expect.stringMatching(/q=checkout/));
    await expect(
      list.getByRole('button', { name: /^Show \d+ more/ }),
    ).toHaveCount(0);

    await search.fill('checkout nowhere');
    await expect(list).toContainText(
      'No application matches “checkout nowhere”.',
    );

    // Nothing wider than the screen on a phone.
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      ),
    ).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
}
