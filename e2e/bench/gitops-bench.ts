/**
 * Manifest diff benchmark (run by run.mjs with tsx): `tsx e2e/bench/gitops-bench.ts <out.json> <dist>`.
 * Serves the mocks build with `vite preview` and, per run (fresh context each:
 * cold caches, a fresh demo), builds the case through the API in the page:
 * shop/preview (GitOps) deploys 500 more workloads, then a second deployment
 * changes the image of 10 of them. It then clicks that second deployment in
 * the environment's history and records:
 * - shown: from the click to the manifest diff of the two exports (500+
 *   workloads each, every object, `view=full`) on the page: its summary and
 *   the first changed object's text diff (the deployment page's loader, the
 *   GitOps detail, both exports, the diff, the first card's rendering);
 * - page: from the click to the deployment page's heading, for attribution
 *   (the diff cannot show before the page it is on);
 * - the longest main-thread task from the click until the page settles.
 * Budgets (issue 21): shown ≤ 300 ms (median), longest task ≤ 100 ms.
 * Failures are written to the JSON, never thrown.
 */
import type { Browser, Page } from '@playwright/test';
import { DEMO_TOKEN } from '../../mocks/fixtures/tokens';
import { runBrowserSamples, withBenchPage } from './browser-bench';
import { runBench } from './entry';
import { budget, median, medianOfAll, round } from './stats';

const RUNS = 5;
export const BUDGET_SHOWN_MS = 300;
export const BUDGET_LONGEST_TASK_MS = 100;
export const WORKLOADS = 500;
const CHANGED = 10;
const ENV_URL = '/orgs/acme/apps/shop/envs/preview';
const SECOND_COMMENT = `Bench: ${CHANGED} new images of ${WORKLOADS} workloads`;
/** After the diff is shown, how long to keep watching for long tasks. */
const SETTLE_MS = 1000;

interface Sample {
  shown: number | null;
  /** Since the click: the deployment page's heading (its loader done, the page rendered). */
  page: number | null;
  /** Since the click: the summary alone (both exports fetched and compared). */
  summary: number | null;
  tasks: [number, number][];
  longestTask: number;
}

/**
 * Injected before any page script (a string: tsx would add helpers to a
 * serialised function). Long tasks since load; `armAtClick()` starts a
 * measurement at the next click and watches for the diff.
 */
const INSTRUMENT = `(() => {
  // tsx names the functions of buildCase's page script with a helper the page lacks.
  window.__name = window.__name || ((f) => f);
  const bench = { tasks: [], t0: null, page: null, summary: null, shown: null };
  window.__gitopsBench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const check = () => {
    if (bench.t0 === null || bench.shown !== null) return;
    if (bench.page === null && /^Deployment /.test(document.querySelector('h1')?.textContent ?? ''))
      bench.page = performance.now() - bench.t0;
    const diff = document.querySelector('[data-testid="export-diff"]');
    if (!diff) return;
    if (bench.summary === null && diff.querySelector('[data-testid="export-diff-summary"]'))
      bench.summary = performance.now() - bench.t0;
    if (diff.querySelector('[data-testid="export-diff-card"] .diff-view'))
      bench.shown = performance.now() - bench.t0;
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  bench.armAtClick = () => document.addEventListener('click', () => { bench.t0 = performance.now(); }, { capture: true, once: true });
})();`;

declare global {
  interface Window {
    __gitopsBench: {
      tasks: { start: number; duration: number }[];
      t0: number | null;
      page: number | null;
      summary: number | null;
      shown: number | null;
      armAtClick: () => void;
    };
  }
}

/**
 * Deploys the 500 workloads to shop/preview, then the 10 new images, through
 * the API (the page's service worker hands each call to the embedded engine),
 * each time waiting until the deployment has ended and its export is written.
 */
async function buildCase(page: Page) {
  await page.evaluate(
    async ({ token, workloads, changed, secondComment }) => {
      const base = '/api/orgs/acme/apps/shop';
      const call = async (method: string, url: string, body?: unknown) => {
        const response = await fetch(base + url, {
          method,
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        if (!response.ok)
          throw new Error(`${method} ${url}: ${response.status} ${text}`);
        return text ? JSON.parse(text) : undefined;
      };
      const image = (i: number, tag: string) =>
        `registry.acme.dev/bench/w${i}:${tag}`;
      const deploy = async (modules: unknown, comment: string) => {
        const delta = await call('POST', '/deltas', {
          metadata: { env_id: 'preview', name: comment },
          modules,
        });
        const id = typeof delta === 'string' ? delta : delta.id;
        const deployment = await call('POST', '/envs/preview/deploys', {
          delta_id: id,
          comment,
        });
        for (let i = 0; i < 600; i += 1) {
          const d = await call('GET', `/envs/preview/deploys/${deployment.id}`);
          if (d.status === 'failed')
            throw new Error(`deployment ${comment} failed`);
          if (d.status === 'succeeded' && d.export_status === 'succeeded')
            return;
          await new Promise((r) => setTimeout(r, 250));
        }
        throw new Error(`deployment ${comment} did not end`);
      };
      const add: Record<string, unknown> = {};
      for (let i = 0; i < workloads; i += 1)
        add[`w${i}`] = {
          profile: 'humanitec/default-module',
          spec: {
            containers: { main: { id: 'main', image: image(i, '1.0.0') } },
          },
        };
      await deploy({ add }, `Bench: ${workloads} workloads`);
      const update: Record<string, unknown> = {};
      for (let i = 0; i < changed; i += 1)
        update[`w${i * Math.floor(workloads / changed)}`] = [
          {
            op: 'replace',
            path: '/spec/containers/main/image',
            value: image(i * Math.floor(workloads / changed), '1.0.1'),
          },
        ];
      await deploy({ update }, secondComment);
    },
    {
      token: DEMO_TOKEN,
      workloads: WORKLOADS,
      changed: CHANGED,
      secondComment: SECOND_COMMENT,
    },
  );
}

async function inApp(
  browser: Browser,
  base: string,
  errors: string[],
): Promise<Sample> {
  return withBenchPage(browser, INSTRUMENT, errors, async (page) => {
    await page.goto(base + ENV_URL, { waitUntil: 'load', timeout: 30_000 });
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 30_000 });
    await buildCase(page);
    // The environment page anew, with the two deployments in its history.
    await page.goto(base + ENV_URL, { waitUntil: 'load', timeout: 30_000 });
    const link = page.getByRole('link', { name: SECOND_COMMENT }).first();
    await link.waitFor({ timeout: 30_000 });
    // Let the page's own requests (and the idle preloads) finish first.
    await page.waitForTimeout(1500);
    await page.evaluate(() => window.__gitopsBench.armAtClick());
    await link.click();
    await page.waitForFunction(
      () => window.__gitopsBench.shown !== null,
      undefined,
      { timeout: 30_000 },
    );
    await page.waitForTimeout(SETTLE_MS);
    return await page.evaluate(() => {
      const b = window.__gitopsBench;
      const since = b.t0 ?? 0;
      const after = b.tasks.filter((t) => t.start + t.duration >= since);
      return {
        shown: b.shown,
        page: b.page,
        summary: b.summary,
        tasks: after.map(
          (t) =>
            [Math.round(t.start - since), Math.round(t.duration)] as [
              number,
              number,
            ],
        ),
        longestTask: Math.max(0, ...after.map((t) => t.duration)),
      };
    });
  });
}

function report(samples: Sample[]) {
  // n/a unless every run showed the diff.
  const medianShown = medianOfAll(samples.map((s) => s.shown));
  const medianOf = (key: 'page' | 'summary') =>
    round(
      median(samples.map((s) => s[key]).filter((v): v is number => v !== null)),
    );
  const medianLongest = round(median(samples.map((s) => s.longestTask)));
  return {
    workloads: WORKLOADS,
    changed: CHANGED,
    samples: samples.map((s) => ({
      shown: round(s.shown),
      page: round(s.page),
      summary: round(s.summary),
      longestTask: round(s.longestTask),
      tasks: s.tasks,
    })),
    median: {
      shown: medianShown,
      page: medianOf('page'),
      summary: medianOf('summary'),
      longestTask: medianLongest,
    },
    budgets: {
      shown: budget(medianShown, BUDGET_SHOWN_MS),
      longestTask: budget(medianLongest, BUDGET_LONGEST_TASK_MS),
    },
  };
}

runBench('gitops-bench.ts', (outFile, dist) =>
  runBrowserSamples({ outFile, dist, runs: RUNS, run: inApp, report }),
);
