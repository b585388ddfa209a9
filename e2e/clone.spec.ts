import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

const clonePage = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'Clone to another environment' });

test('partial clone of cart from development to staging: preview, apply, staging runs it', async ({
  page,
}) => {
  test.setTimeout(60_000); // the deploy itself takes 3-7 s of the embedded engine's clock
  await page.goto('/orgs/acme/apps/shop/envs/development');
  await page.getByRole('link', { name: 'Clone to…' }).click();
  await expect(clonePage(page)).toBeVisible();
  await page.getByLabel('Clone to', { exact: true }).selectOption('staging');

  // The checklist proposes every differing item (cart) but frontend, failing in development (left out, saying so).
  const checklist = page.getByRole('region', { name: 'What to clone' });
  await expect(
    checklist.getByRole('checkbox', { name: /^cart/ }),
  ).toBeChecked();
  await expect(
    checklist.getByRole('checkbox', { name: /^frontend/ }),
  ).not.toBeChecked();
  await expect(
    page.getByRole('note', { name: 'Before you apply' }),
  ).toContainText('Left out, not healthy in development: frontend.');
  await checklist.getByRole('button', { name: 'Select none' }).click();
  await checklist.getByRole('searchbox').fill('car');
  await checklist.getByRole('checkbox', { name: /^cart/ }).check();
  await expect(page).toHaveURL(/modules=cart(&|$)/);

  // The preview: only cart changes in staging, back to development's 1.0.4 without the failing command.
  await expect(page.getByTestId('summary-changed').first()).toContainText(
    '1workload changed',
  );
  const cart = page.getByRole('table', { name: 'Field changes of cart' });
  await expect(cart.getByRole('row', { name: /image/ })).toContainText(
    'registry.acme.dev/shop/cart:1.1.0-rc.1',
  );
  await expect(cart.getByRole('row', { name: /image/ })).toContainText(
    'registry.acme.dev/shop/cart:1.0.4',
  );
  await expect(
    page.getByRole('table', { name: 'Field changes of frontend' }),
  ).toHaveCount(0);
  await expect(
    page.getByText('Private resources are never cloned.'),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // A reload keeps the selection and the comment.
  await page.getByLabel('Comment').fill('Bring cart 1.0.4 back to staging');
  await page.reload();
  await expect(page.getByLabel('Comment')).toHaveValue(
    'Bring cart 1.0.4 back to staging',
  );
  await expect(
    page
      .getByRole('region', { name: 'What to clone' })
      .getByRole('checkbox', { name: /^cart/ }),
  ).toBeChecked();

  await page.getByRole('button', { name: 'Clone to staging…' }).click();
  const dialog = page.getByRole('dialog', {
    name: 'Clone development to staging',
  });
  await expect(dialog.getByTestId('summary-changed')).toContainText(
    '1workload changed',
  );
  await dialog.getByRole('button', { name: 'Deploy to staging' }).click();
  const progress = page.getByRole('region', { name: 'Cloning to staging' });
  // The result is where focus goes (it is above the fold, the dialog's button below it).
  await expect(
    progress.getByRole('heading', { name: 'Cloning to staging' }),
  ).toBeFocused();
  await expect(progress).toBeInViewport();
  await expect(progress).toContainText('Succeeded');
  await progress.getByRole('link', { name: 'Open staging' }).click();

  // staging now runs development's cart, and its clone history names the origin.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Staging' }),
  ).toBeVisible();
  await expect(
    page.getByText('registry.acme.dev/shop/cart:1.0.4').first(),
  ).toBeVisible();
  await expect(
    page.getByText('registry.acme.dev/shop/cart:1.1.0-rc.1'),
  ).toHaveCount(0);
  const history = page.getByRole('region', { name: 'Clone history' });
  await expect(
    history.getByRole('row', { name: /development to staging/ }),
  ).toContainText('cart');
  await expect(history).toContainText('Succeeded');
});

test('a clone whose deployment succeeds but whose workload then fails says so on its progress', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // staging's cart 1.1.0-rc.1 crashes at start (the demo seed): cloned to production, it crashes there too.
  await page.goto(
    '/orgs/acme/apps/shop/clone?from=staging&to=production&modules=cart',
  );
  await expect(clonePage(page)).toBeVisible();
  await expect(page.getByTestId('summary-changed').first()).toContainText(
    '1workload changed',
  );
  await page.getByRole('button', { name: 'Clone to production…' }).click();
  const dialog = page.getByRole('dialog', {
    name: 'Clone staging to production',
  });
  await dialog.getByLabel('Type production to confirm').fill('production');
  await dialog.getByRole('button', { name: 'Deploy to production' }).click();
  const progress = page.getByRole('region', { name: 'Cloning to production' });
  await expect(progress).toContainText('Succeeded');
  // The target's health is polled (every 10 s when idle): more than the default wait on a busy machine.
  await expect(progress).toContainText(
    'The deployment succeeded, but production is failing now, at runtime:',
    { timeout: 60_000 },
  );
});

test.describe('conflicts', () => {
  // Chromium logs the refused apply (409) as a failed resource load; the page handles it.
  test.use({
    allowedConsoleErrors: [
      /Failed to load resource: the server responded with a status of 409 /,
    ],
  });

  test('a change to the target since the preview: 409, what changed is shown, the selection is kept', async ({
    page,
  }) => {
    await page.goto(
      '/orgs/acme/apps/shop/clone?from=development&to=staging&modules=cart&shared=',
    );
    await expect(
      page.getByRole('table', { name: 'Field changes of cart' }),
    ).toBeVisible();

    // Meanwhile someone scales api in staging (through the API, as another tab would).
    await page.evaluate(async () => {
      const headers = {
        'Content-Type': 'application/json',
        Authorization: 'Bearer hum_demo_admin_token',
      };
      const base = '/api/orgs/acme/apps/shop';
      const delta = await fetch(`${base}/deltas`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          metadata: { env_id: 'staging' },
          modules: {
            update: {
              api: [{ op: 'replace', path: '/spec/replicas', value: 4 }],
            },
          },
        }),
      }).then((r) => r.json() as Promise<string | { id: string }>);
      const deltaId = typeof delta === 'string' ? delta : delta.id;
      const deploy = await fetch(`${base}/envs/staging/deploys`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ delta_id: deltaId, comment: 'Scale api' }),
      });
      if (!deploy.ok) throw new Error(`deploy answered ${deploy.status}`);
    });

    await page.getByRole('button', { name: 'Clone to staging…' }).click();
    await page
      .getByRole('dialog', { name: 'Clone development to staging' })
      .getByRole('button', { name: 'Deploy to staging' })
      .click();
    const notice = page
      .getByRole('alert')
      .filter({ hasText: 'staging changed since your preview' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Nothing was deployed');
    await expect(notice.getByTestId('summary-changed')).toContainText(
      '1workload changed',
    );
    await expect(notice).toContainText('api');
    // The selection survived: still only cart, in the page and the URL; the new preview keeps api's new replicas.
    await expect(
      page
        .getByRole('region', { name: 'What to clone' })
        .getByRole('checkbox', { name: /^cart/ }),
    ).toBeChecked();
    await expect(
      page
        .getByRole('region', { name: 'What to clone' })
        .getByRole('checkbox', { name: /^frontend/ }),
    ).not.toBeChecked();
    await expect(page).toHaveURL(/modules=cart(&|$)/);
    await expect(page.getByTestId('summary-changed').last()).toContainText(
      '1workload changed',
    );
    await expectNoAxeViolations(page);
  });
});
