/**
 * Palette benchmark (run by run.mjs with tsx): `tsx e2e/bench/palette-bench.ts <out.json> <dist>`.
 * Serves the build with `vite preview`, opens `/?scenario=large` (1,000 apps ×
 * 4 environments, ~12,000 deployments) in Chromium, cold, a few times, and records:
 * - landing: first visible h1, the navigation index ready (the console's
 *   `navigation-index-ready` mark), time to interactive (the later of those two
 *   and the end of the last long task before the main thread stayed quiet for 1 s)
 *   and the longest task;
 * - palette: per keystroke, the filter time (the console's `palette-filter`
 *   measures around the ranking) and the time from the input event to the next
 *   frame (render included), over typed queries.
 * - landing in production: the same landing measure on a build without the
 *   embedded engine, against `npm run api -- --scenario large` (how the
 *   console meets a real API: the browser does not build the organisation).
 * - huge, in production: the same landing and typing against
 *   `npm run api -- --scenario huge` (10,000 apps: the console pages the app
 *   list and keeps the first 1,000 apps in the palette's index, asking the
 *   server for the rest; issue 24: interactive <= 1 s, <= 16 ms per keystroke).
 * Failures are written to the JSON, never thrown.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../chromium';
import { startPreview, startProduction } from './preview';
import { runBench } from './entry';

// Small helpers, as in page-bench.ts.

const median = (values: number[]) => {
  if (!values.length) return null;
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const round = (value: number | null) =>
  value === null ? null : Math.round(value * 10) / 10;

const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
/** Issue #10: the landing of a 1,000-app organisation is interactive within 1 s. */
const LANDING_BUDGET_MS = 1000;
const RUNS = 3;
const QUERIES = [
  'billing api prod',
  'release 3.1',
  'checkout worker',
  'zz top',
];
const BUDGET_MS = 16;

/** Injected before any page script (a string: tsx would add helpers to a function). */
const INSTRUMENT = `(() => {
  const bench = { firstH1: null, tasks: [], paint: [] };
  window.__paletteBench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const check = () => {
    if (bench.firstH1 !== null) return true;
    const h1 = document.querySelector('h1');
    if (h1 && h1.getClientRects().length > 0) { bench.firstH1 = performance.now(); return true; }
    return false;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener('input', (event) => {
    if (!(event.target instanceof Element) || !event.target.matches('[cmdk-input]')) return;
    const start = performance.now();
    requestAnimationFrame(() => setTimeout(() => bench.paint.push(performance.now() - start), 0));
  }, true);
})();`;

interface Landing {
  firstH1: number | null;
  indexReady: number | null;
  tti: number | null;
  longestTask: number;
  indexSize: { apps: number; deployments: number } | null;
}

async function landing(page: Page, url: string): Promise<Landing> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('navigation-index-ready').length > 0 &&
      (window as unknown as { __paletteBench: { firstH1: number | null } })
        .__paletteBench.firstH1 !== null,
    undefined,
    { timeout: 30_000 },
  );
  // Quiet: no long task for 1 s.
  await page.waitForFunction(
    () => {
      const b = (
        window as unknown as { __paletteBench: { tasks: [number, number][] } }
      ).__paletteBench;
      const last = b.tasks.reduce((end, [s, d]) => Math.max(end, s + d), 0);
      return performance.now() - last > 1000;
    },
    undefined,
    { timeout: 30_000, polling: 100 },
  );
  return page.evaluate(() => {
    const b = (
      window as unknown as {
        __paletteBench: { firstH1: number | null; tasks: [number, number][] };
      }
    ).__paletteBench;
    const mark = performance.getEntriesByName('navigation-index-ready')[0] as
      PerformanceMark | undefined;
    const lastTaskEnd = b.tasks.reduce(
      (end, [s, d]) => Math.max(end, s + d),
      0,
    );
    const indexReady = mark ? mark.startTime : null;
    return {
      firstH1: b.firstH1,
      indexReady,
      tti:
        b.firstH1 !== null && indexReady !== null
          ? Math.max(b.firstH1, indexReady, lastTaskEnd)
          : null,
      longestTask: b.tasks.reduce((m, [, d]) => Math.max(m, d), 0),
      indexSize: (mark?.detail as Landing['indexSize']) ?? null,
    };
  });
}

/**
 * After the unreported first run against `npm run api`: waits until the
 * server has answered everything that run asked (its first organisation
 * health simulates every environment, seconds on 10,000 apps), so the
 * next run does not queue behind a page that is gone.
 */
async function serverAnswered(page: Page) {
  await page.evaluate(() =>
    fetch('/api/orgs/acme/console/health?per_page=20', {
      headers: { Authorization: 'Bearer hum_demo_admin_token' },
    }).then((response) => response.text()),
  );
}

async function typeQueries(page: Page) {
  const results: {
    query: string;
    filter: number[];
    paint: number[];
    items: number;
  }[] = [];
  for (const query of QUERIES) {
    await page.keyboard.press('Control+k');
    const input = page
      .getByRole('dialog', { name: 'Command palette' })
      .getByRole('combobox');
    await input.waitFor();
    // The palette's items are built on open; wait for the first (empty-query) ranking.
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      performance.clearMeasures('palette-filter');
      (
        window as unknown as { __paletteBench: { paint: number[] } }
      ).__paletteBench.paint.length = 0;
    });
    await page.keyboard.type(query, { delay: 80 });
    await page.waitForTimeout(300);
    const sample = await page.evaluate(() => ({
      filter: performance
        .getEntriesByName('palette-filter')
        .map((e) => e.duration),
      paint: [
        ...(window as unknown as { __paletteBench: { paint: number[] } })
          .__paletteBench.paint,
      ],
      items:
        (
          performance.getEntriesByName('palette-filter').at(-1) as
            PerformanceMeasure | undefined
        )?.detail?.items ?? 0,
    }));
    results.push({ query, ...sample });
    await page.keyboard.press('Escape');
  }
  return results;
}

const p95 = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length
    ? s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]
    : null;
};

async function main(outFile: string, distArg: string) {
  const dist = path.resolve(distArg);
  if (!existsSync(path.join(dist, 'index.html')))
    throw new Error(`no index.html in ${dist}`);
  const preview = await startPreview(ROOT, dist);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    });
    const landings: Landing[] = [];
    let typing: Awaited<ReturnType<typeof typeQueries>> = [];
    const errors: string[] = [];
    for (let run = 0; run <= RUNS; run += 1) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
      });
      await context.addInitScript({ content: INSTRUMENT });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      const result = await landing(page, `${preview.url}?scenario=large`);
      // Run 0 warms the OS file cache and is not reported; the last run also types.
      if (run > 0) landings.push(result);
      if (run === RUNS) typing = await typeQueries(page);
      await context.close();
    }
    // The same landing against `npm run api` (no engine in the page).
    const production = await startProduction(ROOT, { scenario: 'large' });
    const productionLandings: Landing[] = [];
    try {
      for (let run = 0; run <= RUNS; run += 1) {
        const context = await browser.newContext({
          viewport: { width: 1280, height: 800 },
        });
        await context.addInitScript({ content: INSTRUMENT });
        const page = await context.newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        page.on(
          'console',
          (m) => m.type() === 'error' && errors.push(m.text()),
        );
        const result = await landing(page, production.url);
        if (run === 0) await serverAnswered(page);
        if (run > 0) productionLandings.push(result);
        await context.close();
      }
    } finally {
      production.stop();
    }
    // The 10,000-app organisation against `npm run api` (the last run also types).
    const huge = await startProduction(ROOT, {
      scenario: 'huge',
      startupMs: 400_000,
    });
    const hugeLandings: Landing[] = [];
    let hugeTyping: Awaited<ReturnType<typeof typeQueries>> = [];
    try {
      for (let run = 0; run <= RUNS; run += 1) {
        const context = await browser.newContext({
          viewport: { width: 1280, height: 800 },
        });
        await context.addInitScript({ content: INSTRUMENT });
        const page = await context.newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        page.on(
          'console',
          (m) => m.type() === 'error' && errors.push(m.text()),
        );
        const result = await landing(page, huge.url);
        if (run === 0) await serverAnswered(page);
        if (run > 0) hugeLandings.push(result);
        if (run === RUNS) hugeTyping = await typeQueries(page);
        await context.close();
      }
    } finally {
      huge.stop();
    }
    const hugeFilter = hugeTyping.flatMap((t) => t.filter);
    const filter = typing.flatMap((t) => t.filter);
    const paint = typing.flatMap((t) => t.paint);
    const medOf = (list: Landing[], pick: (l: Landing) => number | null) =>
      round(median(list.map(pick).filter((v): v is number => v !== null)));
    const med = (pick: (l: Landing) => number | null) => medOf(landings, pick);
    writeFileSync(
      outFile,
      JSON.stringify(
        {
          status: 'ok',
          browserVersion: browser.version(),
          runs: RUNS,
          landing: {
            samples: landings.map((l) => ({
              ...l,
              firstH1: round(l.firstH1),
              indexReady: round(l.indexReady),
              tti: round(l.tti),
              longestTask: round(l.longestTask),
            })),
            median: {
              firstH1: med((l) => l.firstH1),
              indexReady: med((l) => l.indexReady),
              tti: med((l) => l.tti),
              longestTask: med((l) => l.longestTask),
            },
            indexSize: landings[0]?.indexSize ?? null,
          },
          landingProduction: {
            samples: productionLandings.map((l) => ({
              firstH1: round(l.firstH1),
              indexReady: round(l.indexReady),
              tti: round(l.tti),
              longestTask: round(l.longestTask),
            })),
            median: {
              firstH1: medOf(productionLandings, (l) => l.firstH1),
              indexReady: medOf(productionLandings, (l) => l.indexReady),
              tti: medOf(productionLandings, (l) => l.tti),
              longestTask: medOf(productionLandings, (l) => l.longestTask),
            },
            budgetMs: LANDING_BUDGET_MS,
          },
          landingHuge: {
            samples: hugeLandings.map((l) => ({
              firstH1: round(l.firstH1),
              indexReady: round(l.indexReady),
              tti: round(l.tti),
              longestTask: round(l.longestTask),
            })),
            median: {
              firstH1: medOf(hugeLandings, (l) => l.firstH1),
              indexReady: medOf(hugeLandings, (l) => l.indexReady),
              tti: medOf(hugeLandings, (l) => l.tti),
              longestTask: medOf(hugeLandings, (l) => l.longestTask),
            },
            indexSize: hugeLandings[0]?.indexSize ?? null,
            budgetMs: LANDING_BUDGET_MS,
          },
          paletteHuge: {
            keystrokes: hugeFilter.length,
            filter: {
              median: round(median(hugeFilter)),
              p95: round(p95(hugeFilter)),
              max: round(Math.max(...hugeFilter)),
            },
            budgetMs: BUDGET_MS,
            pass: hugeFilter.length > 0 && Math.max(...hugeFilter) <= BUDGET_MS,
          },
          palette: {
            queries: typing.map((t) => ({
              query: t.query,
              items: t.items,
              filter: t.filter.map(round),
              paint: t.paint.map(round),
            })),
            keystrokes: filter.length,
            filter: {
              median: round(median(filter)),
              p95: round(p95(filter)),
              max: round(Math.max(...filter)),
            },
            inputToFrame: {
              median: round(median(paint)),
              p95: round(p95(paint)),
              max: round(Math.max(...paint)),
            },
            budgetMs: BUDGET_MS,
            pass: filter.length > 0 && Math.max(...filter) <= BUDGET_MS,
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

runBench('palette-bench.ts', main);
