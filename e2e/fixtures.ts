import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type Page } from '@playwright/test';
import type * as Axe from 'axe-core';
import { FIX_SHOP_DEVELOPMENT_DELTA } from '../mocks/fixtures/seed-shop';

/**
 * The shared fixture of every e2e spec: `import { test, expect } from './fixtures'`.
 *
 * Fresh state: the console persists the embedded engine's state in IndexedDB.
 * Playwright gives each test a new browser context, and a context starts with
 * empty storage (IndexedDB, localStorage, service worker registrations,
 * cookies, HTTP cache), so every test starts from the seeded demo organisation
 * and nothing leaks between tests. Don't share a context or page across tests
 * (no `test.describe.configure({ mode: 'serial' })` with a `beforeAll` page).
 *
 * Guards, active in every test (auto fixtures), checked at teardown:
 * - any `console.error` or uncaught page error fails the test, unless it matches
 *   `allowedConsoleErrors` (empty by default; set per file or describe with
 *   `test.use({ allowedConsoleErrors: [/…/] })` and say why);
 * - any JS dialog (alert/confirm/prompt/beforeunload) fails the test: the
 *   console never opens one, so one opening is an XSS canary. It is dismissed
 *   so the page does not hang.
 */
interface GuardOptions {
  /** Console errors or page errors that do not fail the test. */
  allowedConsoleErrors: (string | RegExp)[];
}

interface Guards {
  /** Console errors and page errors collected so far (the guard's list). */
  consoleErrors: string[];
  /** Dialogs opened so far (the guard's list). */
  dialogs: string[];
  /** On a failure, prints what each page showed (see below). */
  failureReport: void;
}

/** How much of a page's accessibility tree a failure report prints. */
const REPORT_SNAPSHOT_CHARS = 6_000;

const matches = (message: string, allowed: (string | RegExp)[]) =>
  allowed.some((a) =>
    typeof a === 'string' ? message.includes(a) : a.test(message),
  );

export const test = base.extend<Guards & GuardOptions>({
  allowedConsoleErrors: [[], { option: true }],

  consoleErrors: [
    async ({ context, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      // Context-level events cover every page of the test, popups included.
      context.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const { url, lineNumber } = msg.location();
        const where = url ? ` (${url}:${lineNumber})` : '';
        errors.push(`console.error: ${msg.text()}${where}`);
      });
      context.on('weberror', (webError) => {
        const error = webError.error();
        errors.push(`page error: ${error.stack ?? error.message}`);
      });
      await use(errors);
      const unexpected = errors.filter(
        (e) => !matches(e, allowedConsoleErrors),
      );
      expect(
        unexpected,
        'console errors or page errors during the test',
      ).toEqual([]);
    },
    { auto: true },
  ],

  dialogs: [
    async ({ context }, use) => {
      const dialogs: string[] = [];
      context.on('dialog', (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss().catch(() => {});
      });
      await use(dialogs);
      expect(dialogs, 'a JS dialog opened (possible XSS)').toEqual([]);
    },
    { auto: true },
  ],

  /**
   * A failed test (or one a guard above will fail) prints, on stdout (which CI's log keeps, unlike the error-context
   * files), each page's address, its accessibility tree, the last console messages and the requests that failed or
   * were refused: a failure that only CI sees can then be read from its log.
   */
  failureReport: [
    async (
      { context, consoleErrors, dialogs, allowedConsoleErrors },
      use,
      testInfo,
    ) => {
      const log: string[] = [];
      const keep = (line: string) => {
        log.push(line.slice(0, 300));
        if (log.length > 40) log.shift();
      };
      context.on('console', (msg) =>
        keep(`console.${msg.type()}: ${msg.text()}`),
      );
      context.on('requestfailed', (request) =>
        keep(
          `request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? '?'})`,
        ),
      );
      context.on('response', (response) => {
        if (response.status() >= 400)
          keep(
            `response ${response.status()}: ${response.request().method()} ${response.url()}`,
          );
      });
      await use();
      // The guards fail a test in their own teardown, after this one's: their lists say so already.
      const guardFails =
        dialogs.length > 0 ||
        consoleErrors.some((e) => !matches(e, allowedConsoleErrors));
      if (testInfo.status === testInfo.expectedStatus && !guardFails) return;
      const report = [`--- failure report: ${testInfo.titlePath.join(' › ')}`];
      for (const page of context.pages()) {
        report.push(`page ${page.url()}`);
        // The main landmark (the sidebar repeats on every page), or the whole page when there is none.
        const main = page.locator('main');
        const root =
          (await main.count().catch(() => 0)) === 1
            ? main
            : page.locator('body');
        const snapshot = await root
          .ariaSnapshot({ timeout: 5_000 })
          .then((text) =>
            text
              .split('\n')
              .filter((line) => !/^\s*- \/url: /.test(line))
              .join('\n'),
          )
          .catch(
            (error: Error) => `(no snapshot: ${error.message.split('\n')[0]})`,
          );
        report.push(snapshot.slice(0, REPORT_SNAPSHOT_CHARS));
      }
      report.push(
        'last console messages and refused requests:',
        ...log,
        '--- end of failure report',
      );
      console.log(report.join('\n'));
    },
    { auto: true },
  ],
});

export { expect };

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's own script, put into a page once per document. Not @axe-core/playwright: its default mode opens a
 * blank page for every scan, and its legacy mode sends the 560 kB script again and every passing node back, so a scan
 * took 1.6-2.0 s (legacy 0.8-0.9) where this takes 0.4-0.5 on the same page (a quarter of the e2e suite's time
 * was axe). The console has no iframes, the one thing the wrapper adds beyond axe.run.
 */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

function summarize(violations: Axe.Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => {
          const summary = (n.failureSummary ?? '')
            .replace(/\s*\n\s*/g, ' ')
            .trim()
            .slice(0, 400);
          return `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 160)}\n      ${summary}`;
        })
        .join('\n');
      const more =
        v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
      return `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}

/**
 * Runs axe-core on the page (WCAG 2.0/2.1 A and AA rules) and fails with a
 * readable list of violations (rule, impact, elements, fix hint) if there are
 * any. `include`/`exclude` take CSS selectors to scope the scan. Returns the
 * violations (none, when it returns).
 */
export async function expectNoAxeViolations(
  page: Page,
  options: { include?: string; exclude?: string[] } = {},
): Promise<Pick<Axe.AxeResults, 'violations' | 'url'>> {
  return test.step(
    'no axe violations (WCAG 2.1 A/AA)',
    async () => {
      // A toast or dialog still fading in or out blends its colours with the page behind it (a false contrast
      // failure): scan once the finite animations and transitions have ended (spinners and skeletons loop forever).
      await page.waitForFunction(() =>
        document
          .getAnimations()
          .every(
            (animation) =>
              animation.playState !== 'running' ||
              animation.effect?.getComputedTiming().endTime === Infinity,
          ),
      );
      if (!(await page.evaluate(() => 'axe' in window)))
        await page.evaluate(AXE_SOURCE);
      const results = await page.evaluate(
        async ({ tags, include, exclude }) => {
          const { axe } = window as unknown as { axe: typeof Axe };
          const options: Axe.RunOptions = {
            runOnly: { type: 'tag', values: tags },
          };
          // No `include` means the whole document (an empty list would scan nothing).
          const context = include
            ? { include: [include], exclude }
            : { exclude };
          const { violations, url } = await axe.run(context, options);
          return { violations, url };
        },
        {
          tags: AXE_TAGS,
          include: options.include,
          exclude: options.exclude ?? [],
        },
      );
      const { violations } = results;
      expect(
        violations.length,
        violations.length
          ? `${violations.length} axe violation(s) on ${page.url()}:\n\n${summarize(violations)}\n`
          : '',
      ).toBe(0);
      return results;
    },
    { box: true },
  );
}

export const ADMIN_TOKEN = 'hum_demo_admin_token';

/**
 * Calls the console's API from the page (so through the embedded engine, as CI or another tab would) once the page
 * says requests may go out: the console paints before its engine answers (`<html data-api="ready">` then), and a
 * request sent earlier would reach the static server instead. `body` is sent as JSON; the answer's JSON (or null).
 */
export async function callApi(
  page: Page,
  method: string,
  path: string,
  { body, token = ADMIN_TOKEN }: { body?: unknown; token?: string } = {},
): Promise<{ status: number; json: unknown }> {
  await page.waitForFunction(
    () => document.documentElement.dataset.api === 'ready',
  );
  return page.evaluate(
    async ({ method, path, body, token }) => {
      const response = await fetch(`/api${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return {
        status: response.status,
        json: (await response.json().catch(() => null)) as unknown,
      };
    },
    { method, path, body, token },
  );
}

/**
 * The seed's shop/development fails (its frontend image cannot be pulled), and a pipeline's smoke tests over a failing
 * environment fail. Deploys frontend 3.2.0 there through the API (as `npm run cli` would) and waits until the
 * environment is no longer failing.
 */
export async function fixShopDevelopment(page: Page): Promise<void> {
  const delta = await callApi(page, 'POST', '/orgs/acme/apps/shop/deltas', {
    body: FIX_SHOP_DEVELOPMENT_DELTA,
  });
  expect(delta.status).toBe(200);
  const deploy = await callApi(
    page,
    'POST',
    '/orgs/acme/apps/shop/envs/development/deploys',
    {
      body: {
        delta_id: (delta.json as { id: string }).id,
        comment: 'Back to frontend 3.2.0',
      },
    },
  );
  expect(deploy.status).toBe(201);
  await expect
    .poll(
      async () =>
        (
          (
            await callApi(
              page,
              'GET',
              '/orgs/acme/apps/shop/envs/development/console/health',
            )
          ).json as { state?: string } | null
        )?.state,
      { timeout: 30_000 },
    )
    .toBe('Healthy');
}

/** On shop's pipeline page: requests a deployment to development and opens the run it started. */
export async function requestDevelopmentRun(page: Page): Promise<void> {
  await page
    .getByRole('form', { name: 'Request a deployment' })
    .getByLabel('Environment', { exact: true })
    .selectOption('development');
  await page.getByRole('button', { name: 'Request deployment' }).click();
  await page
    .getByRole('status')
    .getByRole('link', { name: /of promote-to-staging/ })
    .click();
}
