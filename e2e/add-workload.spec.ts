import { expect, expectNoAxeViolations, test } from './fixtures';
import { pasteIntoEditor } from './monaco';

/** A profile a platform team designs from scratch: containers, and an owning team the schema constrains (2020-12). */
const PROFILE = JSON.stringify(
  {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: ['team'],
    properties: {
      containers: {
        'x-console-feature': 'humanitec/containers',
        title: 'Containers',
        'x-console-order': 1,
      },
      team: {
        type: 'string',
        title: 'Owning team',
        pattern: '^[a-z-]+$',
        'x-console-order': 2,
        'x-console-errors': {
          pattern: 'Use lowercase letters and dashes, e.g. payments.',
        },
      },
    },
  },
  null,
  2,
);

test.describe('adding a workload with a profile made in the console (issue 18)', () => {
  // A journey over the designer (Monaco), two forms and a deployment: generous when both cores are busy.
  test.describe.configure({ timeout: 180_000 });
  // The engine's refusal of the bad team name (400 on POST …/sets/{setId}) is part of the journey.
  test.use({
    allowedConsoleErrors: [
      /status of 400 \(Bad Request\) \(http:\/\/127\.0\.0\.1:\d+\/api\/orgs\/acme\/apps\/analytics\/sets\//,
    ],
  });

  test('design and create a profile, add a workload with it from the environment, deploy: Succeeded', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    // 1. The platform engineer designs a new profile and creates it.
    await page.goto('/orgs/acme/workload-profiles/new');
    await expect(
      page.getByRole('heading', { level: 1, name: 'New workload profile' }),
    ).toBeVisible();
    await pasteIntoEditor(page, PROFILE);
    const preview = page.getByRole('form', {
      name: 'Preview of the generated form',
    });
    await expect(preview.getByLabel('Owning team')).toBeVisible();
    await page.getByLabel('Profile id').fill('billing-service');
    await page
      .getByLabel('Description')
      .fill('A service owned by a team, with containers.');
    await page.getByRole('button', { name: 'Create profile' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'acme/billing-service' }),
    ).toBeVisible();

    // 2. A developer adds a workload with it, from the environment page.
    await page.goto('/orgs/acme/apps/analytics/envs/development');
    await page.getByRole('link', { name: 'Add workload' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Add a workload' }),
    ).toBeVisible();
    const name = page.getByRole('textbox', { name: 'Workload name' });
    // A name the environment already uses is refused before anything is sent.
    await name.fill('dashboard');
    await expect(page.getByRole('alert')).toHaveText(
      'The environment already has a workload named dashboard: choose another name, or edit that one.',
    );
    await name.fill('billing');
    const profile = page.getByRole('radio', { name: 'acme/billing-service' });
    await expect(
      page
        .getByRole('listitem')
        .filter({ has: profile })
        .getByText('A service owned by a team, with containers.'),
    ).toBeVisible();
    await profile.check();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Continue to the form' }).click();

    await expect(
      page.getByRole('heading', { level: 1, name: 'Add billing' }),
    ).toBeVisible();
    const form = page.getByRole('form', { name: 'Spec of billing' });
    await form.getByRole('button', { name: /Add/ }).first().click();
    await form.getByLabel('Container name').fill('billing');
    await form
      .getByRole('textbox', { name: /^Image\*?$/ })
      .fill('registry.acme.dev/analytics/billing:1.0.0');
    await form.getByLabel('Owning team').fill('Payments Team');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Review changes' }).click();
    // The engine checks the new workload against the profile: the refusal is at the field.
    await expect(
      form.getByText('Use lowercase letters and dashes, e.g. payments.'),
    ).toBeVisible();
    await form.getByLabel('Owning team').fill('payments');
    await page.getByRole('button', { name: 'Review changes' }).click();

    // 3. The review is the deployment diff of the change; deploy.
    await expect(
      page.getByRole('group', { name: 'Text diff of billing' }),
    ).toContainText('team: payments');
    await expectNoAxeViolations(page);
    await page.getByLabel('Comment').fill('Billing joins analytics');
    await page.getByRole('button', { name: 'Deploy to development' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: /^Deployment / }),
    ).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Status' }).getByText('Succeeded'),
    ).toBeVisible({ timeout: 30_000 });

    // The environment now runs it, under the new profile.
    await page.goto('/orgs/acme/apps/analytics/envs/development');
    await expect(
      page.getByRole('table', { name: /Workloads/ }).getByText('billing', {
        exact: true,
      }),
    ).toBeVisible();
  });
});
