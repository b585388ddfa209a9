import { expect, expectNoAxeViolations, test } from './fixtures';

// With the console's animations on (the suite runs with reduced motion: playwright.config.ts).
test.use({ reducedMotion: 'no-preference' });

test('change a workload, deploy it, watch it succeed, and find it after a reload', async ({
  page,
}) => {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Applications' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page
    .getByRole('table', { name: 'Applications' })
    .getByRole('link', { name: 'Shop' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Shop' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page
    .getByRole('table', { name: 'Environments' })
    .getByRole('link', { name: 'Development' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Development' }),
  ).toBeVisible();
  const workloads = page.getByRole('table', { name: 'Workloads' });
  await expect(workloads.getByText('ImagePullBackOff')).toBeVisible();
  await expectNoAxeViolations(page);

  await workloads.getByRole('link', { name: 'frontend' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'frontend' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  const image = page.getByLabel(/Image of container/);
  await image.fill('registry.acme.dev/shop/frontend:3.3.0');
  await page.getByLabel('Comment').fill('Fix the frontend image tag');
  await page.getByRole('button', { name: 'Deploy to development' }).click();

  const status = page.getByRole('region', { name: 'Status' });
  await expect(
    page.getByRole('heading', { level: 1, name: /^Deployment / }),
  ).toBeVisible();
  await expect(status.getByText(/^(Pending|In progress)$/)).toBeVisible();
  await expect(status.getByText('In progress', { exact: true })).toBeVisible();
  await expect(status.getByText('Succeeded', { exact: true })).toBeVisible();
  await expect(
    page.getByText('Fix the frontend image tag').first(),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  const deploymentUrl = page.url();

  await page.reload();
  await expect(page).toHaveURL(deploymentUrl);
  await expect(
    page
      .getByRole('region', { name: 'Status' })
      .getByText('Succeeded', { exact: true }),
  ).toBeVisible();

  await page
    .getByRole('region', { name: 'Status' })
    .getByRole('link', { name: 'development', exact: true })
    .click();
  const current = page.getByRole('region', { name: 'Current deployment' });
  await expect(current.getByText('Fix the frontend image tag')).toBeVisible();
  const after = page.getByRole('table', { name: 'Workloads' });
  await expect(
    after.getByText('registry.acme.dev/shop/frontend:3.3.0', { exact: true }),
  ).toBeVisible();
  await expect(after.getByText('ImagePullBackOff')).toHaveCount(0);
});
