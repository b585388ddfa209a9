/**
 * Environment stream scroll benchmark (run by run.mjs with tsx):
 * `tsx e2e/bench/stream-scroll-bench.ts <out.json> <dist>`.
 *
 * Issue 23's second stream budget: scrolling the environment's log view holding
 * 100,000 lines causes no main-thread task over 50 ms. On the demo build (the
 * bundle part's `e2e/.output/bench-dist`), each run opens shop/staging's stream
 * with every line (`?range=all`: the newest 100,000), waits for the list, then
 * scrolls it from top to bottom with the mouse wheel, a frame apart, and records
 * the long tasks (PerformanceObserver 'longtask') while it scrolls. Writes a
 * JSON result; a failure is written, never thrown.
 */
import type { Page } from '@playwright/test';
import { runBrowserSamples, withBenchPage } from './browser-bench';
import { runBench } from './entry';
import { budget, medianOfAll } from './stats';

export const BUDGET_TASK_MS = 50;
const RUNS = 3;
const WHEEL_STEPS = 60;

/** Injected before any page script: long tasks, collected only while `window.__scroll.on`. */
const INSTRUMENT = `(() => {
  const state = { on: false, tasks: [] };
  window.__scroll = state;
  new PerformanceObserver((list) => {
    if (!state.on) return;
    for (const entry of list.getEntries()) state.tasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
})();`;

interface Sample {
  lines: number;
  steps: number;
  scrolledPx: number;
  longestTaskMs: number;
  tasksOver50: number;
}

async function scrollOnce(page: Page, base: string): Promise<Sample> {
  await page.goto(`${base}/orgs/acme/apps/shop/envs/staging/stream?range=all`);
  const log = page.getByRole('log', { name: 'Log lines of every workload' });
  await log.locator('.env-stream__line').first().waitFor({ timeout: 120_000 });
  const lines = await page.evaluate(() => {
    const text = document.body.innerText.match(/([\d,]+) of ([\d,]+)/);
    return text ? Number(text[2]!.replace(/,/g, '')) : 0;
  });
  // Let the page settle (the list's first paint, idle prefetches) before timing.
  await page.evaluate(
    () => new Promise((resolve) => setTimeout(resolve, 1_000)),
  );
  const box = await log.boundingBox();
  if (!box) throw new Error('the log has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const height = await log.evaluate((el) => el.scrollHeight - el.clientHeight);
  const step = Math.max(1, Math.ceil(height / WHEEL_STEPS));
  await page.evaluate(
    () =>
      ((window as never as { __scroll: { on: boolean } }).__scroll.on = true),
  );
  for (let i = 0; i < WHEEL_STEPS; i++) {
    await page.mouse.wheel(0, step);
    await page.evaluate(
      () =>
        new Promise((resolve) => requestAnimationFrame(() => resolve(null))),
    );
  }
  // The last frames' tasks are reported after they end.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  const tasks = await page.evaluate(
    () => (window as never as { __scroll: { tasks: number[] } }).__scroll.tasks,
  );
  const scrolledPx = await log.evaluate((el) => el.scrollTop);
  return {
    lines,
    steps: WHEEL_STEPS,
    scrolledPx: Math.round(scrolledPx),
    longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
    tasksOver50: tasks.filter((t) => t > BUDGET_TASK_MS).length,
  };
}

async function main(outFile: string, dist: string) {
  await runBrowserSamples<Sample>({
    outFile,
    dist,
    runs: RUNS,
    run: (browser, base, errors) =>
      withBenchPage(browser, INSTRUMENT, errors, (page) =>
        scrollOnce(page, base),
      ),
    report: (samples) => {
      const longest = medianOfAll(samples.map((s) => s.longestTaskMs));
      return {
        lines: samples[0]?.lines ?? 0,
        samples,
        longestTaskMs: longest,
        budget: budget(longest, BUDGET_TASK_MS),
      };
    },
  });
}

runBench('stream-scroll-bench.ts', main);
