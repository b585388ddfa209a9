/**
 * Diff page benchmark (run by run.mjs with tsx): `tsx e2e/bench/diff-bench.ts <out.json> <dist>`.
 * Serves the mocks build with `vite preview`, opens the `big-diff` scenario
 * (two deployments of 500 workloads, all changed) in Chromium and, per run
 * (fresh context each):
 * - in-app: from the click on "Compare with previous" in the environment's
 *   history to the diff summary showing 500 changed workloads, the first
 *   workload card and the first rendered text diff; then it scrolls through
 *   the list and records the longest main-thread task since the click
 *   (PerformanceObserver `longtask`);
 * - cold: the diff URL opened directly (includes seeding the scenario and the
 *   mock API's start): navigation start to the summary, and the longest task.
 * Budgets (in-app): summary ≤ 300 ms, longest task ≤ 200 ms. Failures are
 * written to the JSON, never thrown.
 */
import type { Browser, Page } from '@playwright/test';
import { runBrowserSamples, withBenchPage } from './browser-bench';
import { runBench } from './entry';
import { budget, medianOfAll, round } from './stats';

const RUNS = 5;
const COLD_RUNS = 3;
export const BUDGET_SUMMARY_MS = 300;
export const BUDGET_LONGEST_TASK_MS = 200;
const ENV_URL = '/orgs/acme/apps/big-diff/envs/development?scenario=big-diff';

interface Sample {
  summary: number | null;
  /** From the route's loader starting (User Timing mark `diff:loader`) to the summary: the page's own part. */
  fromLoader: number | null;
  firstCard: number | null;
  firstDiff: number | null;
  longestTask: number;
}

/**
 * Injected before any page script (a string: tsx would add helpers to a
 * serialised function). Long tasks since load; `arm()` starts a measurement at
 * the next click (or now, for the cold load) and watches for the summary,
 * the first card and the first diff.
 */
const INSTRUMENT = `(() => {
  const bench = { tasks: [], t0: null, summary: null, fromLoader: null, firstCard: null, firstDiff: null };
  window.__diffBench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const check = () => {
    if (bench.t0 === null) return;
    const now = performance.now();
    const tile = document.querySelector('[data-testid="summary-changed"]');
    if (bench.summary === null && tile && /(^|\\D)500(\\D|$)/.test(tile.textContent || '')) {
      bench.summary = now - bench.t0;
      const mark = performance.getEntriesByName('diff:loader').pop();
      bench.fromLoader = mark ? now - mark.startTime : null;
    }
    if (bench.firstCard === null && document.querySelector('[data-testid="diff-card"]')) bench.firstCard = now - bench.t0;
    if (bench.firstDiff === null && document.querySelector('.diff-view .d2h-file-wrapper')) bench.firstDiff = now - bench.t0;
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  bench.armAtClick = () => document.addEventListener('click', () => { bench.t0 = performance.now(); }, { capture: true, once: true });
  bench.armAtStart = () => { bench.t0 = 0; check(); };
})();`;

declare global {
  interface Window {
    __diffBench: {
      tasks: { start: number; duration: number }[];
      t0: number | null;
      summary: number | null;
      fromLoader: number | null;
      firstCard: number | null;
      firstDiff: number | null;
      armAtClick: () => void;
      armAtStart: () => void;
    };
  }
}

/** Scrolls through the list (lazy cards render), then waits for the page to settle. */
async function scrollThrough(page: Page) {
  for (let i = 0; i < 4; i += 1) {
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(300);
  }
  await page.waitForTimeout(1000);
}

async function readSample(page: Page): Promise<Sample> {
  return page.evaluate(() => {
    const b = window.__diffBench;
    const since = b.t0 ?? 0;
    return {
      summary: b.summary,
      fromLoader: b.fromLoader,
      firstCard: b.firstCard,
      firstDiff: b.firstDiff,
      longestTask: Math.max(
        0,
        ...b.tasks
          .filter((t) => t.start + t.duration >= since)
          .map((t) => t.duration),
      ),
    };
  });
}

/** One in-app run, and the diff's URL it reached (the cold runs open it). */
interface InAppRun {
  sample: Sample;
  diffUrl: string;
}

async function inApp(
  browser: Browser,
  base: string,
  errors: string[],
): Promise<InAppRun> {
  return withBenchPage(browser, INSTRUMENT, errors, async (page) => {
    await page.goto(base + ENV_URL, { waitUntil: 'load', timeout: 30_000 });
    const link = page
      .getByRole('link', { name: /Compare with previous/ })
      .first();
    await link.waitFor({ timeout: 30_000 });
    // Let the scenario's persistence and the environment page's own requests finish first.
    await page.waitForTimeout(1500);
    await page.evaluate(() => window.__diffBench.armAtClick());
    await link.click();
    await page.waitForFunction(
      () => window.__diffBench.summary !== null,
      undefined,
      { timeout: 15_000 },
    );
    await page
      .waitForFunction(() => window.__diffBench.firstDiff !== null, undefined, {
        timeout: 15_000,
      })
      .catch(() => {});
    await scrollThrough(page);
    return {
      sample: await readSample(page),
      diffUrl: new URL(page.url()).pathname + new URL(page.url()).search,
    };
  });
}

async function cold(
  browser: Browser,
  base: string,
  diffUrl: string,
  errors: string[],
): Promise<Sample> {
  return withBenchPage(
    browser,
    `${INSTRUMENT};window.__diffBench.armAtStart();`,
    errors,
    async (page) => {
      await page.goto(`${base}${diffUrl}&scenario=big-diff`, {
        waitUntil: 'load',
        timeout: 30_000,
      });
      await page.waitForFunction(
        () => window.__diffBench.summary !== null,
        undefined,
        { timeout: 30_000 },
      );
      await page.waitForTimeout(1500);
      return await readSample(page);
    },
  );
}

/** The cold runs: the diff URL of the untimed in-app run, opened directly in a fresh context each time. */
async function coldRuns(
  browser: Browser,
  base: string,
  errors: string[],
  untimed: InAppRun,
): Promise<{ diffUrl: string; samples: Sample[] }> {
  const samples: Sample[] = [];
  for (let i = 0; i < COLD_RUNS; i++)
    samples.push(await cold(browser, base, untimed.diffUrl, errors));
  return { diffUrl: untimed.diffUrl, samples };
}

/** Rounded median of one figure, or null unless every run measured it. */
function med(list: Sample[], key: keyof Sample) {
  return medianOfAll(list.map((s) => s[key]));
}

function roundSample(s: Sample) {
  return {
    summary: round(s.summary),
    fromLoader: round(s.fromLoader),
    firstCard: round(s.firstCard),
    firstDiff: round(s.firstDiff),
    longestTask: round(s.longestTask),
  };
}

function report(
  runs: InAppRun[],
  coldResult: { diffUrl: string; samples: Sample[] } | undefined,
) {
  const samples = runs.map((r) => r.sample);
  const coldSamples = coldResult?.samples ?? [];
  const medianSummary = med(samples, 'summary');
  const medianLongest = med(samples, 'longestTask');
  return {
    diffUrl: coldResult?.diffUrl,
    samples: samples.map(roundSample),
    median: {
      summary: medianSummary,
      fromLoader: med(samples, 'fromLoader'),
      firstCard: med(samples, 'firstCard'),
      firstDiff: med(samples, 'firstDiff'),
      longestTask: medianLongest,
    },
    cold: {
      runs: coldSamples.length,
      samples: coldSamples.map(roundSample),
      median: {
        summary: med(coldSamples, 'summary'),
        longestTask: med(coldSamples, 'longestTask'),
      },
    },
    budgets: {
      summary: budget(medianSummary, BUDGET_SUMMARY_MS),
      longestTask: budget(medianLongest, BUDGET_LONGEST_TASK_MS),
    },
  };
}

runBench('diff-bench.ts', (outFile, dist) =>
  runBrowserSamples({
    outFile,
    dist,
    runs: RUNS,
    run: inApp,
    after: coldRuns,
    report,
  }),
);
