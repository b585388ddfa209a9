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

test.describe('a start chunk that fails', () => {
  // The aborted request is logged by the browser; that is the point of the test.
  test.use({ allowedConsoleErrors: [/Failed to load resource/] });

  test('one that does not load says so with a way to retry, instead of a skeleton forever', async ({
    page,
  }) => {
    // The router and the first render's chunk (src/app/mount.tsx), in the build and in the dev server.
    const mount = /\/(assets\/mount-[\w-]+\.js|src\/app\/mount\.tsx)(\?|$)/;
    await page.route(mount, (route) => route.abort());
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(
      alert.getByRole('heading', { name: 'The console could not start' }),
    ).toBeVisible();
    await expect(alert).toContainText('Check the connection');
    await expectNoAxeViolations(page);
    // Back online: Reload starts the console.
    await page.unroute(mount);
    await alert.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('navigation').first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(
      'The console could not start',
    );
  });

  test('one that loads but throws is not blamed on the connection', async ({
    page,
  }) => {
    const mount = /\/(assets\/mount-[\w-]+\.js|src\/app\/mount\.tsx)(\?|$)/;
    await page.route(mount, (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: 'throw new Error("mount failed on purpose");',
      }),
    );
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(
      alert.getByRole('heading', { name: 'The console could not start' }),
    ).toBeVisible();
    await expect(alert).toContainText('Its code stopped with the error below.');
    await expect(alert).toContainText('mount failed on purpose');
    await expect(alert).not.toContainText('Check the connection');
  });
});
