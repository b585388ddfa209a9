import { generateKeyPairSync } from 'node:crypto';
import type { Page } from '@playwright/test';
import { callApi, expect, expectNoAxeViolations, test } from './fixtures';

// The second deployment fails on purpose (the agent is cut off): Chromium logs nothing for a failed deployment,
// but deleting the old key first would be a 409; the guided rotation never sends it.

const ORG = '/orgs/acme';
const AGENTS = `${ORG}/agents`;
const AGENT = 'e2e-agent';

/** A public key PEM of a 4,096-bit RSA key made here. */
function publicKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 4096 })
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString();
}

/** Calls the API from the page (through the console's engine) as the administrator. */
function call(page: Page, method: string, path: string, body?: unknown) {
  return callApi(page, method, path, { body });
}

/** Deploys shop/staging's current set again (an empty delta) and opens the deployment page. */
async function deployStaging(page: Page, comment: string) {
  const delta = await call(page, 'POST', `${ORG}/apps/shop/deltas`, {
    metadata: { env_id: 'staging', name: comment },
  });
  expect(delta.status).toBeLessThan(300);
  const deltaId =
    typeof delta.json === 'string'
      ? delta.json
      : (delta.json as { id: string }).id;
  const deploy = await call(
    page,
    'POST',
    `${ORG}/apps/shop/envs/staging/deploys`,
    { delta_id: deltaId, comment },
  );
  expect(deploy.status).toBe(201);
  const id = (deploy.json as { id: string }).id;
  await page.goto(`${ORG}/apps/shop/envs/staging/deploys/${id}`);
  return id;
}

test('an agent from the guide: registered with a real 4,096-bit key, connected, a cluster through it, deployed; cut off, the next deploy fails naming it; its key rotated', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(AGENTS);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Agents' }),
  ).toBeVisible();
  const table = page.getByRole('table', { name: 'Agents' });
  await expect(table.getByRole('row', { name: /edge-legacy/ })).toContainText(
    'Expires in',
  );
  await expectNoAxeViolations(page);

  // Register from the guide: the key is checked in the browser before it is sent.
  const guide = page.getByRole('region', { name: 'Register an agent' });
  await guide.getByLabel('Agent id').fill(AGENT);
  await guide.getByLabel('Public key').fill(publicKey());
  await expect(guide.getByText(/RSA 4096 bits, fingerprint/)).toBeVisible();
  await expectNoAxeViolations(page);
  await guide.getByRole('button', { name: 'Register agent' }).click();
  const row = table.getByRole('row', { name: new RegExp(AGENT) });
  await expect(row).toContainText('Not connected yet');
  await expect(guide).toContainText(`--set humanitec.agentId=${AGENT}`);
  // Focus goes on to the next step: copying the install command that now names it.
  await expect(
    guide.getByRole('button', { name: 'Copy the install command' }),
  ).toBeFocused();
  // The demo has no cluster to install into: its Connect stands in for the install.
  await row
    .getByRole('button', {
      name: `Connect agent ${AGENT} (demo: as if installed)`,
    })
    .click();
  await expect(row).toContainText('Connected');
  await expect(row).not.toContainText('Not connected yet');

  // Point a cluster definition at it: an agent definition naming it, and shop/staging's cluster through it.
  expect(
    (
      await call(page, 'POST', `${ORG}/resources/defs`, {
        id: 'e2e-agent-def',
        name: 'E2E agent',
        type: 'agent',
        driver_type: 'humanitec/agent',
        driver_inputs: { values: { id: AGENT } },
        criteria: [{ res_id: 'agent' }],
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await call(page, 'POST', `${ORG}/resources/defs`, {
        id: 'e2e-private-cluster',
        name: 'Private staging cluster',
        type: 'k8s-cluster',
        driver_type: 'humanitec/k8s-cluster',
        driver_inputs: {
          values: {
            name: 'private-staging',
            loadbalancer: '10.8.0.1',
            proxy_url: "${resources['agent.default#agent'].outputs.url}",
          },
        },
        criteria: [{ app_id: 'shop', env_id: 'staging' }],
      })
    ).status,
  ).toBe(200);
  await page.goto(AGENTS);
  await expect(row).toContainText('shop/staging');

  // Deploy through it: the agent is the first resource step and a node of the graph.
  const through = await deployStaging(page, 'Through the agent');
  const steps = page.getByRole('list', { name: 'Deployment steps' });
  await expect(
    steps.getByRole('listitem').filter({
      hasText: /Reach the cluster through Humanitec Agent\s*e2e-agent/,
    }),
  ).toContainText('Succeeded', { timeout: 60_000 });
  // The agent is a node of the resource graph that the cluster needs.
  const graph = page.getByRole('region', { name: 'Resource graph' });
  await expect(
    graph
      .getByRole('group', {
        name: /^Resource graph: \d+ workloads and resources/,
      })
      .getByRole('button', { name: /^agent, agent: OK\./ }),
  ).toBeVisible({ timeout: 30_000 });

  // Cut it off: the next deployment fails with the agent named as its root cause. (A deployment may start only
  // when the one before has ended: the API answers 409 to a second one meanwhile.)
  await expect
    .poll(
      async () =>
        (
          (
            await call(
              page,
              'GET',
              `${ORG}/apps/shop/envs/staging/deploys/${through}`,
            )
          ).json as { status?: string } | null
        )?.status,
      { timeout: 60_000 },
    )
    .toBe('succeeded');
  await page.goto(AGENTS);
  await row
    .getByRole('button', { name: `Cut off agent ${AGENT} (demo)` })
    .click();
  await expect(row).toContainText('Disconnected');
  await deployStaging(page, 'While cut off');
  await expect(page.getByText(/RES-AGENT-001/).first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(
    page
      .getByText(/reached through agent `e2e-agent`, which is disconnected/)
      .filter({ visible: true })
      .first(),
  ).toBeVisible();
  await page.goto(`${ORG}/apps/shop/envs/staging`);
  await expect(
    page.getByText(/reached through agent\s*e2e-agent/).first(),
  ).toBeVisible({ timeout: 30_000 });

  // Rotate its key: add the new one, then delete the old one.
  await page.goto(AGENTS);
  // By keyboard: the rotation opens from its button with Enter.
  await row.getByRole('button', { name: `Rotate key of ${AGENT}` }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', {
    name: `Rotate the key of ${AGENT}`,
  });
  await dialog.getByLabel('New public key').fill(publicKey());
  await expect(dialog.getByText(/ready to send/)).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Add new key' }).click();
  await expect(
    row.getByRole('list', { name: `Keys of ${AGENT}` }).getByRole('listitem'),
  ).toHaveCount(2);
  // Step 2 says what it deletes: not a second "Delete" beside the agent's own.
  const step2 = row.getByRole('button', {
    name: new RegExp(`Rotate key of ${AGENT}, step 2`),
  });
  await expect(step2).toHaveText('Delete the old key');
  await step2.click();
  await page.getByRole('button', { name: 'Delete old key' }).click();
  await expect(
    row.getByRole('list', { name: `Keys of ${AGENT}` }).getByRole('listitem'),
  ).toHaveCount(1);
});

test('the Agents page at 390 px: no sideways scroll, axe clean', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(AGENTS);
  await expect(
    page.getByRole('table', { name: 'Agents' }).getByRole('row', {
      name: /edge-eu/,
    }),
  ).toBeVisible();
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    ),
  ).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
});

test.describe('a taken id', () => {
  // The API's 409 for a taken id: Chromium logs the failed request.
  test.use({ allowedConsoleErrors: [/status of 409 \(Conflict\)/] });

  test('the register form: the id rule shown first and checked in the browser, the draft kept across a reload, a taken id pointing at Rotate key', async ({
    page,
  }) => {
    await page.goto(AGENTS);
    const guide = page.getByRole('region', { name: 'Register an agent' });
    const id = guide.getByLabel('Agent id');
    await expect(id).toHaveAccessibleDescription(
      /^2 to 50 lowercase letters, digits and single dashes/,
    );
    await id.fill('Edge_EU');
    await guide.getByLabel('Description (optional)').focus();
    await expect(id).toHaveAttribute('aria-invalid', 'true');
    await expect(guide.getByText(/^Not allowed: “E”, “_”, “U”/)).toBeVisible();
    await expectNoAxeViolations(page);

    // A draft is kept across a reload (the public key too: it is not secret).
    await id.fill('edge-eu');
    await guide.getByLabel('Description (optional)').fill('Second EU agent');
    await guide.getByLabel('Public key').fill(publicKey());
    await expect(guide.getByText(/RSA 4096 bits, fingerprint/)).toBeVisible();
    await page.reload();
    await expect(id).toHaveValue('edge-eu');
    await expect(guide.getByLabel('Description (optional)')).toHaveValue(
      'Second EU agent',
    );
    await expect(guide.getByText(/RSA 4096 bits, fingerprint/)).toBeVisible();

    // edge-eu exists: the refusal comes with the way to give it a new key, its row's Rotate key.
    await guide.getByRole('button', { name: 'Register agent' }).click();
    await expect(guide.getByRole('alert')).toContainText('already registered');
    await expect(guide).toContainText(
      'To give it a new key, use Rotate key in its row of the agents table.',
    );
    await guide
      .getByRole('button', { name: 'Go to Rotate key of edge-eu' })
      .click();
    await expect(
      page
        .getByRole('table', { name: 'Agents' })
        .getByRole('row', { name: /edge-eu/ })
        .getByRole('button', { name: /^Rotate key of edge-eu/ }),
    ).toBeFocused();

    // At 390 px: nothing scrolls sideways, and axe passes.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(guide).toBeVisible();
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      ),
    ).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});
