import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

const APP = 'valued';
const SECRET = 'planted-e2e-secret-4f1d9a';
const VALUES = `/orgs/acme/apps/${APP}/values`;
const WORKLOAD = `/orgs/acme/apps/${APP}/envs/development/workloads/web`;

/** A call of the console's API from the page, as the administrator; the answer's status and body. */
function call(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(`/api${path}`, {
        method,
        headers: {
          Authorization: 'Bearer hum_demo_admin_token',
          'Content-Type': 'application/json',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, text };
    },
    { method, path, body },
  );
}

/** Deploys to development (a delta adding the workload, or the current set again) and waits until it finished. */
async function deploy(page: Page, withWorkload: boolean) {
  let body: Record<string, string> = { comment: 'redeploy' };
  if (withWorkload) {
    const delta = await call(page, 'POST', `/orgs/acme/apps/${APP}/deltas`, {
      modules: {
        add: {
          web: {
            profile: 'humanitec/default-module',
            spec: {
              containers: {
                web: {
                  image: 'registry.acme.dev/valued/web:1.0.0',
                  variables: {
                    GREETING: '${values.GREETING}',
                    API_TOKEN: '${values.API_TOKEN}',
                  },
                },
              },
            },
            externals: {},
          },
        },
      },
    });
    expect(delta.status).toBe(200);
    body = { delta_id: (JSON.parse(delta.text) as { id: string }).id };
  }
  const created = await call(
    page,
    'POST',
    `/orgs/acme/apps/${APP}/envs/development/deploys`,
    body,
  );
  expect(created.status).toBe(201);
  const { id } = JSON.parse(created.text) as { id: string };
  await expect
    .poll(
      async () =>
        (
          JSON.parse(
            (
              await call(
                page,
                'GET',
                `/orgs/acme/apps/${APP}/envs/development/deploys/${id}`,
              )
            ).text,
          ) as { status: string }
        ).status,
      { timeout: 60_000 },
    )
    .toBe('succeeded');
}

async function expectNoSecret(page: Page) {
  expect(await page.content()).not.toContain(SECRET);
}

test('values journey: a secret and an override, deployed, seen in the workload, history, restore and redeploy', async ({
  page,
}) => {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Applications' }),
  ).toBeVisible();
  // A blank app, created through the API as CI would (the console has no form for it).
  expect(
    (await call(page, 'POST', '/orgs/acme/apps', { id: APP, name: 'Valued' }))
      .status,
  ).toBe(201);

  await page.goto(VALUES);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Values' }),
  ).toBeVisible();
  await expect(page.getByText('No values yet')).toBeVisible();

  // A secret of the app, and a value with an override in development.
  const add = async (
    key: string,
    value: string,
    scope: string,
    secret: boolean,
  ) => {
    await page.getByLabel('Key', { exact: true }).fill(key);
    await page.getByLabel('Value', { exact: true }).fill(value);
    await page
      .getByLabel('For', { exact: true })
      .selectOption({ label: scope });
    await page.getByRole('checkbox', { name: /^Secret/ }).setChecked(secret);
    await page.getByRole('button', { name: 'Add value' }).click();
    await expect(page.getByLabel('Key', { exact: true })).toHaveValue('');
  };
  await add('API_TOKEN', SECRET, 'The app (every environment)', true);
  await add('GREETING', 'hello', 'The app (every environment)', false);
  await add('GREETING', 'hola', 'Development only', false);
  const table = page.getByRole('table', {
    name: 'Values of the app and of each environment',
  });
  const greeting = table.getByRole('row', { name: /GREETING/ });
  await expect(greeting).toContainText('hello');
  await expect(greeting).toContainText('hola override');
  await expect(table.getByRole('row', { name: /API_TOKEN/ })).toContainText(
    '•••••• (secret)',
  );
  await expectNoSecret(page);
  await expectNoAxeViolations(page);

  // A workload that reads both, deployed: the workload shows the resolved values, the secret masked.
  await deploy(page, true);
  await page.goto(WORKLOAD);
  const resolved = page.getByRole('table', { name: 'Resolved values' });
  await expect(
    resolved.getByRole('row', { name: /variables\.GREETING/ }),
  ).toContainText('hola');
  await expect(
    resolved.getByRole('row', { name: /variables\.API_TOKEN/ }),
  ).toContainText('•••••• (secret)');
  await expectNoSecret(page);

  // Change the override, then restore the version where it was "hola", with a comment.
  await page.goto(VALUES);
  await table
    .getByRole('button', { name: 'Edit GREETING in Development' })
    .click();
  await page.getByLabel('Value of GREETING in Development').fill('ciao');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(greeting).toContainText('ciao override');

  const history = page.getByRole('region', { name: 'Version history' });
  await history
    .getByLabel('History of')
    .selectOption({ label: 'Development only' });
  const versions = history.getByRole('button', { name: /^Version \d+: / });
  await expect(versions).toHaveCount(2);
  await history
    .getByRole('button', { name: /^Version 1: Environment value created/ })
    .click();
  await expect(
    history.getByRole('table', { name: 'Field changes of version 1' }),
  ).toBeVisible();
  await history.getByLabel('Comment').fill('back to hola');
  await history.getByRole('button', { name: 'Restore version 1' }).click();
  await expect(
    history.getByRole('button', {
      name: /^Version 3: Environment value restored by alex-admin/,
    }),
  ).toBeVisible();
  await expect(history.getByText('— back to hola')).toBeVisible();
  await expect(greeting).toContainText('hola override');
  await expectNoSecret(page);

  // Redeploy: the new deployment uses the restored values.
  await deploy(page, false);
  await page.goto(WORKLOAD);
  await expect(
    page
      .getByRole('table', { name: 'Resolved values' })
      .getByRole('row', { name: /variables\.GREETING/ }),
  ).toContainText('hola');
  await expectNoSecret(page);

  // No API answer of the values carries the planted secret either.
  for (const path of [
    `/orgs/acme/apps/${APP}/values`,
    `/orgs/acme/apps/${APP}/envs/development/values`,
    `/orgs/acme/apps/${APP}/value-set-versions`,
    `/orgs/acme/apps/${APP}/envs/development/value-set-versions`,
    `/orgs/acme/apps/${APP}/envs/development/deploys`,
  ]) {
    const answer = await call(page, 'GET', path);
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain(SECRET);
  }
});
