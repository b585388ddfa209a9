import { expect, expectNoAxeViolations, test } from './fixtures';

// With the console's animations on (the suite runs with reduced motion: playwright.config.ts).
test.use({ reducedMotion: 'no-preference' });

test('the console opens with a page heading and no accessibility violations', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the axe check fails on a violation, and only inside the part it scans', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // An image without a text alternative, added to the page's main region.
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = '/favicon.svg';
    img.id = 'axe-canary';
    document.querySelector('main')!.append(img);
  });
  const error = await expectNoAxeViolations(page).then(
    () => undefined,
    (e: Error) => e,
  );
  expect(error?.message).toContain('image-alt');
  expect(error?.message).toContain('#axe-canary');
  // Scoped away from it, the same page passes; scoped to it, it fails again.
  await expectNoAxeViolations(page, { exclude: ['#axe-canary'] });
  const scoped = await expectNoAxeViolations(page, {
    include: '#axe-canary',
  }).then(
    () => undefined,
    (e: Error) => e,
  );
  expect(scoped?.message).toContain('image-alt');
});
