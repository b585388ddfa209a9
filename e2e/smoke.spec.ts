import { expect, expectNoAxeViolations, test } from './fixtures';

test('the console opens with a page heading and no accessibility violations', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});
