import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, expectNoAxeViolations, test } from './fixtures';

/**
 * The console against a real HTTP API: `npm run api` (the engine over
 * node:http) and a production build WITHOUT the embedded engine, pointed at
 * it with VITE_API_URL (the preview server proxies /api, as the dev server does).
 */
const base = Number(process.env.E2E_PORT ?? 4173);
const apiPort = base + 100;
const consolePort = base + 200;
const root = new URL('..', import.meta.url).pathname;
const out = `e2e/.output/real-api-${base}`;
const env = {
  ...process.env,
  VITE_API_URL: `http://127.0.0.1:${apiPort}`,
  VITE_ENABLE_MOCKS: 'false',
};
const children: ChildProcess[] = [];
const consoleUrl = `http://127.0.0.1:${consolePort}`;

async function waitFor(url: string) {
  for (let i = 0; i < 120; i += 1) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

function start(args: string[]) {
  const child = spawn('npx', args, {
    cwd: root,
    env,
    stdio: 'ignore',
    detached: true,
  });
  children.push(child);
}

test.describe('against a real API (npm run api)', () => {
  test.describe.configure({ timeout: 120_000 });

  test.beforeAll(async () => {
    // A fresh store: the snapshot, its journal and its lock (a journal left by an earlier run would not
    // match a new snapshot, and the server rightly refuses to start on it).
    for (const suffix of ['', '.journal', '.lock'])
      rmSync(`${root}${out}-data.json${suffix}`, { force: true });
    const build = spawnSync(
      'npx',
      ['vite', 'build', '--outDir', `${out}-dist`],
      { cwd: root, env, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
    start([
      'tsx',
      'mocks/server.ts',
      '--port',
      String(apiPort),
      '--data',
      `${out}-data.json`,
    ]);
    start([
      'vite',
      'preview',
      '--outDir',
      `${out}-dist`,
      '--host',
      '127.0.0.1',
      '--strictPort',
      '--port',
      String(consolePort),
    ]);
    await Promise.all([
      waitFor(`http://127.0.0.1:${apiPort}/orgs`),
      waitFor(consoleUrl),
    ]);
  });

  test.afterAll(() => {
    for (const child of children) {
      if (!child.pid || child.exitCode !== null) continue;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  });

  test('signs in with a token, browses and deploys through the HTTP API', async ({
    page,
  }) => {
    await page.goto(consoleUrl);
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: 'Sign in to Platform Console',
      }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('API token').fill('hum_demo_admin_token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Applications' }),
    ).toBeVisible();
    expect(page.url()).not.toContain('hum_demo');

    await page.goto(
      `${consoleUrl}/orgs/acme/apps/docs-site/envs/production/workloads/docs`,
    );
    const image = page.getByLabel(/Image of container/).first();
    await expect(image).toBeVisible();
    const next = `registry.acme.dev/docs/site:2024.12.${Date.now()}`;
    await image.fill(next);
    await page.getByLabel(/to deploy to production/).fill('production');
    await page.getByRole('button', { name: 'Deploy to production' }).click();
    await expect(
      page.getByRole('region', { name: 'Status' }).getByText('Succeeded'),
    ).toBeVisible({ timeout: 20_000 });

    // The server holds the state: a fresh request sees the deployment.
    const response = await fetch(
      `http://127.0.0.1:${apiPort}/orgs/acme/apps/docs-site/envs/production`,
      {
        headers: { Authorization: 'Bearer hum_demo_admin_token' },
      },
    );
    const envBody = (await response.json()) as {
      last_deploy?: { status: string };
    };
    expect(envBody.last_deploy?.status).toBe('succeeded');
  });

  test.describe('with a wrong token', () => {
    // Chromium logs every refused request (401) as a console error; that is the point of this test.
    test.use({ allowedConsoleErrors: [/status of 401/] });

    test('a wrong token gets a clear message and a way to sign in again', async ({
      page,
    }) => {
      await page.goto(consoleUrl);
      await page.getByLabel('API token').fill('not-a-token');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText(/valid bearer token/i).first()).toBeVisible();
      await page
        .getByRole('button', { name: 'Sign in with another token' })
        .click();
      await expect(page.getByLabel('API token')).toBeVisible();
    });
  });
});
