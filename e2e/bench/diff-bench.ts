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
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../chromium';
import { startPreview } from './preview';
import { runBench } from './entry';
import { budget, median, round } from './stats';

const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const RUNS = 5;
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

async function inApp(
  browser: Browser,
  base: string,
  errors: string[],
): Promise<{ sample: Sample; diffUrl: string }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  try {
    await context.addInitScript({ content: INSTRUMENT });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
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
  } finally {
    await context.close();
  }
}

async function cold(
  browser: Browser,
  base: string,
  diffUrl: string,
  errors: string[],
): Promise<Sample> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  try {
    await context.addInitScript({
      content: `${INSTRUMENT};window.__diffBench.armAtStart();`,
    });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
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
  } finally {
    await context.close();
  }
}

async function main(outFile: string, distArg: string): Promise<void> {
  const dist = path.resolve(distArg);
  if (!existsSync(path.join(dist, 'index.html')))
    throw new Error(`no index.html in ${dist}`);
  const executablePath = findChromium();
  const preview = await startPreview(ROOT, dist);
  // No trailing slash: the paths appended to it start with '/'.
  const base = new URL(preview.url).origin;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const errors: string[] = [];
    // One untimed run first, so the OS file cache and Chromium's code cache are warm.
    const { diffUrl } = await inApp(browser, base, []);
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++)
      samples.push((await inApp(browser, base, errors)).sample);
    const coldSamples: Sample[] = [];
    for (let i = 0; i < 3; i++)
      coldSamples.push(await cold(browser, base, diffUrl, errors));
    const med = (list: Sample[], key: keyof Sample) => {
      const values = list
        .map((s) => s[key])
        .filter((v): v is number => v !== null);
      return values.length === list.length ? round(median(values)) : null;
    };
    const roundSample = (s: Sample) => ({
      summary: round(s.summary),
      fromLoader: round(s.fromLoader),
      firstCard: round(s.firstCard),
      firstDiff: round(s.firstDiff),
      longestTask: round(s.longestTask),
    });
    const medianSummary = med(samples, 'summary');
    const medianLongest = med(samples, 'longestTask');
    writeFileSync(
      outFile,
      JSON.stringify(
        {
          status: 'ok',
          browserVersion: browser.version(),
          diffUrl,
          // The machine is shared: its load while the bench ran explains the spread between runs.
          loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
          runs: RUNS,
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
          consoleErrors: [...new Set(errors)],
        },
        null,
        2,
      ),
    );
  } finally {
    await browser?.close().catch(() => {});
    preview.stop();
  }
}

runBench('diff-bench.ts', main);
