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

/** Version 2 of it breaks its workloads: every workload now names its cost centre. */
const BREAKING = JSON.stringify(
  (() => {
    const next = JSON.parse(PROFILE);
    next.required = ['team', 'cost_center'];
    next.properties.cost_center = {
      type: 'string',
      title: 'Cost centre',
      pattern: '^CC-[0-9]{4}$',
      'x-console-order': 3,
      'x-console-errors': {
        required: 'Every workload names its cost centre, e.g. CC-1234.',
        pattern: 'A cost centre such as CC-1234.',
      },
    };
    return next;
  })(),
  null,
  2,
);

test.describe('adding a workload with a profile made in the console (issue 18)', () => {
  // A journey over the designer (Monaco), three forms and two deployments: generous when both cores are busy.
  test.describe.configure({ timeout: 300_000 });
  // The engine's refusal of the bad team name (400 on POST …/sets/{setId}) is part of the journey.
  test.use({
    allowedConsoleErrors: [
      /status of 400 \(Bad Request\) \(http:\/\/127\.0\.0\.1:\d+\/api\/orgs\/acme\/apps\/billing-platform\/sets\//,
    ],
  });

  test('design and create a profile, add a workload with it, deploy; publish a breaking version, see its impact, fix the workload', async ({
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

    // 2. A developer creates an application for it, from blank, and adds a workload to its first environment.
    await page.goto('/orgs/acme/apps');
    await page.getByRole('button', { name: 'New application' }).click();
    const newApp = page.getByRole('dialog', { name: 'New application' });
    await newApp.getByLabel('Name').fill('Billing Platform');
    await expect(newApp.getByLabel('Id')).toHaveValue('billing-platform');
    await expectNoAxeViolations(page);
    await newApp.getByRole('button', { name: 'Create application' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Billing Platform' }),
    ).toBeVisible();
    await page.goto('/orgs/acme/apps/billing-platform/envs/development');
    await page.getByRole('link', { name: 'Add workload' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Add a workload' }),
    ).toBeVisible();
    const name = page.getByRole('textbox', { name: 'Workload name' });
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
    // The entry is renamed when its name field is left: its fields are made anew under the new name, so the image
    // is typed into those (typed into the old ones as they went, a fill was lost in a full run).
    await form.getByLabel('Container name').press('Tab');
    const image = form.locator('#spec_containers_billing_image');
    await expect(image).toBeVisible();
    await image.fill('registry.acme.dev/analytics/billing:1.0.0');
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
    await page.getByLabel('Comment').fill('Billing, the first workload');
    await page.getByRole('button', { name: 'Deploy to development' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: /^Deployment / }),
    ).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Status' })
        .getByText('Succeeded', { exact: true }),
    ).toBeVisible({ timeout: 30_000 });

    // The environment now runs it, under the new profile.
    await page.goto('/orgs/acme/apps/billing-platform/envs/development');
    await expect(
      page.getByRole('table', { name: /Workloads/ }).getByText('billing', {
        exact: true,
      }),
    ).toBeVisible();
    // A second workload of that name is refused before anything is sent.
    await page.getByRole('link', { name: 'Add workload' }).click();
    await page.getByRole('textbox', { name: 'Workload name' }).fill('billing');
    await expect(page.getByRole('alert')).toHaveText(
      'The environment already has a workload named billing: choose another name, or edit that one.',
    );

    // 4. The platform engineer publishes a breaking version: its impact comes first.
    await page.goto('/orgs/acme/workload-profiles/acme%2Fbilling-service');
    await expect(
      page.getByRole('heading', { level: 1, name: 'acme/billing-service' }),
    ).toBeVisible();
    await pasteIntoEditor(page, BREAKING);
    await expect(preview.getByLabel(/Cost centre/)).toBeVisible();
    await page.getByRole('button', { name: 'Publish version' }).click();
    const impact = page.getByRole('group', { name: 'Impact of this version' });
    await expect(impact).toContainText(
      'This version would refuse 1 of the 1 workload that use acme/billing-service',
    );
    const refusedRow = impact
      .getByRole('row')
      .filter({ hasText: 'billing-platform / development / billing' });
    await expect(refusedRow).toContainText(
      'Every workload names its cost centre, e.g. CC-1234.',
    );
    await expectNoAxeViolations(page);
    await page
      .getByRole('button', { name: 'Publish anyway (refuses 1)' })
      .click();
    await expect(
      page.getByText('Published acme/billing-service version 1.0.1'),
    ).toBeVisible();

    // 5. The list stays as the workloads to fix; following it, the form starts with the field to fix.
    const toFix = page.getByRole('group', { name: 'Workloads to fix' });
    await expect(toFix).toContainText(
      'Version 1.0.1 refuses 1 of the 1 workload that use acme/billing-service',
    );
    await toFix
      .getByRole('link', { name: 'billing-platform / development / billing' })
      .click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Edit billing' }),
    ).toBeVisible();
    // (Monaco leaves its own empty live regions in the page: the summary is the alert that says something.)
    const summary = page
      .getByRole('alert')
      .filter({ hasText: 'does not match the current version' });
    await expect(summary).toContainText(
      'billing does not match the current version of acme/billing-service: 1 field needs attention',
    );
    await summary.getByRole('link', { name: 'Cost centre' }).click();
    const edit = page.getByRole('form', { name: 'Spec of billing' });
    const costCentre = edit.getByRole('textbox', { name: /^Cost centre/ });
    await expect(costCentre).toBeFocused();
    await page.keyboard.type('CC-0042');
    await expect(summary).toBeHidden();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Review changes' }).click();
    await expect(
      page.getByRole('group', { name: 'Text diff of billing' }),
    ).toContainText('cost_center: CC-0042');
    await page.getByLabel('Comment').fill('Billing names its cost centre');
    await page.getByRole('button', { name: 'Deploy to development' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: /^Deployment / }),
    ).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Status' })
        .getByText('Succeeded', { exact: true }),
    ).toBeVisible({ timeout: 30_000 });
  });
});
