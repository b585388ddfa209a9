import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { PORT } from './ports';
import { realApiStack } from './real-api-stack';

// Issue 21's "Done when", in the browser: shop/preview deploys through GitOps. A deployment made in the console
// becomes a commit (sha, the files of the objects that changed) with a manifest diff against the previous export
// counting the same objects; the controller syncs it and the Operator reconciles every resource to Ready. A demo
// edit of a live workload shows Out of sync with the field-level difference, and Resync restores it. A demo deletion
// of an in-cluster secret fails the resources that need it, and the environment names the Operator's failure as its
// root cause. Each test starts from a fresh demo.

const ENV = '/orgs/acme/apps/shop/envs/preview';
const WORKLOAD = 'frontend';
const COMMENT = 'Preview the new frontend through GitOps';
/** The controller syncs every 5 s (gitops-seed.ts) and the Operator reconciles after: generous for a busy machine. */
const SYNC_TIMEOUT = 60_000;

/** Deploys a new image of the frontend to preview from its workload page; waits for the deployment to succeed. */
async function deployFrontend(page: Page, tag: string) {
  await page.goto(`${ENV}/workloads/${WORKLOAD}`);
  await expect(
    page.getByRole('heading', { level: 1, name: WORKLOAD }),
  ).toBeVisible();
  const image = page.getByLabel(`Image of container ${WORKLOAD}`);
  const current = await image.inputValue();
  await image.fill(current.replace(/:[^:/]+$/, `:${tag}`));
  await page.getByLabel('Comment').fill(COMMENT);
  await page.getByRole('button', { name: 'Deploy to preview' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^Deployment / }),
  ).toBeVisible();
  const status = page.getByRole('region', { name: 'Status' });
  await expect(status.getByText('Succeeded', { exact: true })).toBeVisible({
    timeout: 30_000,
  });
}

/** Every resource row of a reconciliation table says Ready. */
async function expectAllReady(table: Locator) {
  const rows = table.getByTestId('gitops-resource');
  await expect(rows.first()).toBeVisible({ timeout: SYNC_TIMEOUT });
  await expect(async () => {
    const states = await rows.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-status')),
    );
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((s) => s === 'Ready')).toBe(true);
  }).toPass({ timeout: SYNC_TIMEOUT });
}

test('a GitOps deployment: the commit, the manifest diff, the sync to Synced and every resource Ready', async ({
  page,
}) => {
  await page.goto(ENV);
  await expect(page.getByTestId('deployment-mode')).toHaveText(/GitOps/);
  const panel = page.getByRole('region', { name: 'GitOps' });
  await expect(panel.getByText('Repository', { exact: true })).toBeVisible();

  await deployFrontend(page, '3.3.0');
  const exported = page.getByRole('region', { name: 'Export (GitOps)' });
  await expect(exported.getByText('Exported', { exact: true })).toBeVisible({
    timeout: 30_000,
  });

  // The manifest diff against the previous export names the changed Workload and shows its text diff.
  const diff = exported.getByTestId('export-diff');
  await expect(diff.getByTestId('export-diff-summary')).toContainText(
    'changed',
  );
  const card = diff
    .getByTestId('export-diff-card')
    .filter({ hasText: 'Workload' })
    .filter({ hasText: WORKLOAD })
    .first();
  await card.scrollIntoViewIfNeeded();
  await expect(
    card.getByRole('group', { name: `Manifest diff of Workload ${WORKLOAD}` }),
  ).toContainText(':3.3.0');

  // Download the export: YAML of Operator resources, no secret value.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exported.getByRole('button', { name: 'Download export' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.ya?ml$/);
  const yaml = readFileSync((await download.path())!, 'utf8');
  expect(yaml).toContain('apiVersion: humanitec.io/v1alpha1');
  expect(yaml).toContain('kind: Workload');

  // The controller syncs the commit and the Operator reconciles every resource.
  await expectAllReady(exported);
  await expectNoAxeViolations(page);

  // The commit: its short sha (the full one on hover and copied), the deployment in its message, the files changed.
  const commit = exported.getByTestId('gitops-commit');
  await expect(commit).toBeVisible({ timeout: 30_000 });
  const sha = await commit.locator('code[title]').first().getAttribute('title');
  expect(sha).toMatch(/^[0-9a-f]{40}$/);
  await expect(commit.locator('code[title]').first()).toHaveText(
    sha!.slice(0, 7),
  );
  // One story: the commit rewrote the one file whose object changed (no object names its deployment, so the
  // others are as they were), and the manifest diff counts that one object, its image the change it shows.
  const files = commit
    .getByRole('list', { name: 'Files changed' })
    .getByRole('listitem');
  await expect(files).toHaveCount(1);
  await expect(files).toContainText(
    `acme/shop/preview/workload-${WORKLOAD}.yaml`,
  );
  await expect(commit).toContainText('1 file changed');
  await expect(diff.getByTestId('export-diff-summary')).toHaveText(
    /^1 changed, 0 added, 0 removed against deployment \S+; \d+ unchanged of \d+ objects\.$/,
  );
  await expect(diff.getByTestId('export-diff-card')).toHaveCount(1);
  const workloadDiff = card.getByRole('group', {
    name: `Manifest diff of Workload ${WORKLOAD}`,
  });
  await expect(workloadDiff).not.toContainText('humanitec.io/deployment');
  await expect(workloadDiff).not.toContainText('humanitec.io/set');

  // The environment: Synced to that commit, the same last commit, every resource Ready.
  await page.goto(ENV);
  const env = page.getByRole('region', { name: 'GitOps' });
  await expect(env.getByText('Synced', { exact: true })).toBeVisible({
    timeout: SYNC_TIMEOUT,
  });
  await expect(env.getByTestId('gitops-sync-summary')).toContainText(
    `Synced to commit ${sha!.slice(0, 7)}`,
  );
  await expect(env.getByTestId('gitops-commit')).toContainText(COMMENT);
  await expectAllReady(env);
  await expectNoAxeViolations(page);
});

// The repository lives in IndexedDB with the engine's state (gitops/browser.ts): a new tab after the last one closed
// (a new engine worker) continues it. Were it lost, the next commit would start a new history and add every file.
test('the repository survives the worker: after every tab closed, the next commit continues its history', async ({
  context,
  page,
}) => {
  await page.goto(ENV);
  const seeded = page
    .getByRole('region', { name: 'GitOps' })
    .getByTestId('gitops-commit');
  await expect(seeded).toContainText('Create the GitOps preview environment');
  const seededSha = await seeded.locator('code[title]').getAttribute('title');
  await page.close();

  const next = await context.newPage();
  await deployFrontend(next, '3.3.1');
  const commit = next
    .getByRole('region', { name: 'Export (GitOps)' })
    .getByTestId('gitops-commit');
  const files = commit.getByRole('list', { name: 'Files changed' });
  await expect(files.locator('.diff-kind--changed').first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(files.locator('.diff-kind--added')).toHaveCount(0);
  await expect(commit.locator('code[title]')).not.toHaveAttribute(
    'title',
    seededSha!,
  );
});

test('drift: a live edit shows Out of sync with the field-level difference, and Resync restores git', async ({
  page,
}) => {
  await page.goto(ENV);
  const panel = page.getByRole('region', { name: 'GitOps' });
  await expect(panel.getByText('Synced', { exact: true })).toBeVisible({
    timeout: SYNC_TIMEOUT,
  });

  // The demo action is labelled as one, and says what it simulates.
  const demo = panel.getByRole('region', { name: 'Demo actions' });
  await expect(demo).toContainText('simulate');
  await demo
    .getByRole('button', { name: 'Demo: edit a live workload (cause drift)' })
    .click();
  await expect(panel.getByText('Out of sync', { exact: true })).toBeVisible();
  const drift = panel.getByTestId('gitops-drift');
  await expect(drift).toBeVisible();
  const field = drift.getByRole('row').filter({ hasText: 'replicas' });
  await expect(field).toHaveCount(1);
  await expect(panel.getByTestId('gitops-sync-summary')).toContainText(
    'differs from git in 1 field',
  );
  await expectNoAxeViolations(page);

  // Resync by keyboard: back to Synced, no drift left.
  const resync = panel.getByRole('button', { name: 'Resync' });
  await expect(resync).toBeEnabled();
  await resync.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByText('Synced', { exact: true })).toBeVisible({
    timeout: SYNC_TIMEOUT,
  });
  await expect(panel.getByTestId('gitops-drift')).toHaveCount(0);
  // Disabled while it ran, the button had dropped focus to the page: it has it back.
  await expect(resync).toBeFocused();

  // Other live edits a reviewer knows from kubectl: an env var, a memory limit, a label; each resyncs.
  for (const [edit, field, live] of [
    ['Env var LOG_LEVEL (kubectl set env)', 'LOG_LEVEL', 'debug'],
    ['Memory limit (kubectl set resources)', 'memory', '1Gi'],
    ['Label debug (kubectl label)', 'debug', 'true'],
  ]) {
    await demo.getByLabel('Live edit').selectOption({ label: edit! });
    await demo
      .getByRole('button', {
        name: 'Demo: edit a live workload (cause drift)',
      })
      .click();
    const row = panel
      .getByTestId('gitops-drift')
      .getByRole('row')
      .filter({ hasText: field! });
    await expect(row).toContainText(live!);
    await panel.getByRole('button', { name: 'Resync' }).click();
    await expect(panel.getByTestId('gitops-drift')).toHaveCount(0);
  }
});

test("a deleted in-cluster secret: the Operator's failure is the environment's root cause", async ({
  page,
}) => {
  await page.goto(ENV);
  const panel = page.getByRole('region', { name: 'GitOps' });
  await expect(panel.getByText('Synced', { exact: true })).toBeVisible({
    timeout: SYNC_TIMEOUT,
  });
  await panel
    .getByRole('button', { name: 'Demo: delete an in-cluster secret' })
    .click();

  // A resource that needs the secret fails, with the Operator's condition saying why.
  const failed = panel
    .getByTestId('gitops-resource')
    .filter({ has: page.locator('.status-badge--failure') })
    .first();
  await expect(failed).toBeVisible({ timeout: SYNC_TIMEOUT });
  const reason = (await failed.getByRole('listitem').first().innerText())
    .replace(/\s+/g, ' ')
    .trim();
  expect(reason).toMatch(/secret/i);

  // The health banner names it as the root cause.
  const health = page.getByRole('region', { name: 'Health' });
  await expect(health).toContainText(/secret/i, { timeout: SYNC_TIMEOUT });
  await expectNoAxeViolations(page);

  // Restoring the secrets reconciles again.
  await panel
    .getByRole('button', { name: 'Demo: restore the in-cluster secrets' })
    .click();
  await expectAllReady(panel);
});

test.describe('on a phone, dark theme', () => {
  test.use({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });

  test('the GitOps panel and the setup page fit and pass axe', async ({
    page,
  }) => {
    await page.goto(ENV);
    const panel = page.getByRole('region', { name: 'GitOps' });
    await expect(panel.getByTestId('gitops-resource').first()).toBeVisible({
      timeout: SYNC_TIMEOUT,
    });
    const overflow = await page.evaluate(
      () =>
        document.documentElement.scrollWidth -
        document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);

    // The newest deployment's export: its diff and reconciliation fit too.
    await page
      .getByRole('region', { name: 'Deployment history' })
      .getByRole('link')
      .first()
      .click();
    const exported = page.getByRole('region', { name: 'Export (GitOps)' });
    await expect(exported.getByTestId('export-diff-summary')).toBeVisible();
    await exported
      .getByRole('button')
      .filter({ hasText: 'Workload' })
      .first()
      .click();
    await expect(
      exported.getByRole('group', { name: /^YAML of Workload / }).first(),
    ).toBeVisible();
    expect(
      await page.evaluate(
        () =>
          document.documentElement.scrollWidth -
          document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);

    await page.goto(ENV);
    await page
      .getByRole('region', { name: 'GitOps' })
      .getByRole('link', { name: 'Operator and GitOps setup' })
      .click();
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: 'Operator and GitOps setup',
      }),
    ).toBeVisible();
    await expect(page.getByTestId('setup-variables')).toContainText(
      'GITOPS_PATH=acme/shop/preview',
    );
    const pageOverflow = await page.evaluate(
      () =>
        document.documentElement.scrollWidth -
        document.documentElement.clientWidth,
    );
    expect(pageOverflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});

// The same journey's repository half against `npm run api -- --gitops-dir`: the deployment made in the console is a
// commit of a real git repository (read back with the git CLI), the one the console names.
test.describe('against npm run api with --gitops-dir', () => {
  test.describe.configure({ timeout: 240_000 });
  // Ports E2E_PORT + 300 (API) and + 400 (console): beside real-api.spec.ts's + 100 and + 200.
  const stack = realApiStack({
    name: 'gitops-api',
    offset: 300,
    serverArgs: ['--gitops-dir', `e2e/.output/gitops-api-${PORT}-repo`],
    clean: [`e2e/.output/gitops-api-${PORT}-repo`],
    upWithinMs: 120_000,
  });
  const { consoleUrl } = stack;
  const repo = `${stack.root}${stack.out}-repo`;
  const git = (...args: string[]) => {
    const result = spawnSync('git', ['-C', repo, ...args], {
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout.trim();
  };

  test.beforeAll(() => stack.start());
  test.afterAll(() => stack.stop());

  test('the deployment is the newest commit of the repository, and the environment syncs to it', async ({
    page,
  }) => {
    await page.goto(consoleUrl);
    await page.getByLabel('API token').fill('hum_demo_admin_token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Applications' }),
    ).toBeVisible();

    await page.goto(`${consoleUrl}${ENV}/workloads/${WORKLOAD}`);
    const image = page.getByLabel(`Image of container ${WORKLOAD}`);
    await expect(image).toBeVisible();
    await image.fill((await image.inputValue()).replace(/:[^:/]+$/, ':3.4.0'));
    await page.getByLabel('Comment').fill(COMMENT);
    await page.getByRole('button', { name: 'Deploy to preview' }).click();
    await expect(
      page
        .getByRole('region', { name: 'Status' })
        .getByText('Succeeded', { exact: true }),
    ).toBeVisible({ timeout: 30_000 });
    const deployId = page.url().split('/').pop()!;

    // The console names the commit; the repository's newest commit is that one, with the comment and the deployment.
    const commit = page
      .getByRole('region', { name: 'Export (GitOps)' })
      .getByTestId('gitops-commit');
    await expect(commit).toBeVisible({ timeout: 30_000 });
    const sha = await commit
      .locator('code[title]')
      .first()
      .getAttribute('title');
    // What a controller cloning branch main gets.
    expect(git('rev-parse', '--verify', 'refs/heads/main')).toBe(sha);
    const message = git('log', '-1', '--format=%B', 'refs/heads/main');
    expect(message).toContain(COMMENT);
    expect(message).toContain(deployId);
    // It rewrote one file, the frontend's: no object names the deployment (the message does).
    const file = `acme/shop/preview/workload-${WORKLOAD}.yaml`;
    expect(git('show', '--name-only', '--format=', 'refs/heads/main')).toBe(
      file,
    );
    expect(git('show', `refs/heads/main:${file}`)).not.toContain(deployId);

    // The controller syncs it: the environment is Synced to that commit.
    await page.goto(`${consoleUrl}${ENV}`);
    const panel = page.getByRole('region', { name: 'GitOps' });
    await expect(panel.getByTestId('gitops-sync-summary')).toContainText(
      `Synced to commit ${sha!.slice(0, 7)}`,
      { timeout: SYNC_TIMEOUT },
    );
    await expectNoAxeViolations(page);
  });
});
