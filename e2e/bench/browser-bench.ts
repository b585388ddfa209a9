/**
 * The loop of a click-to-shown browser bench (graph-bench.ts, gitops-bench.ts,
 * diff-bench.ts): serve the mocks build with `vite preview`, launch Chromium,
 * make one untimed run (so the OS file cache and Chromium's code cache are
 * warm), then the timed runs, each in a fresh context, and any runs of another
 * kind after them (diff-bench.ts's cold loads), and write the bench's report with
 * what every report has (status, browser version, load average, runs, the
 * console errors of the timed runs). Browser and preview are stopped however
 * it ends.
 */
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../chromium';
import { startPreview } from './preview';

const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

/** One run: a fresh context of `browser` on the preview at `base`; console errors go into `errors`. */
export type BenchRun<S> = (
  browser: Browser,
  base: string,
  errors: string[],
) => Promise<S>;

/**
 * Runs `run` once untimed and `runs` times timed, then `after` (if any) on the same browser and preview, and writes
 * `{...common, ...report(samples, afterResult)}` to `outFile`.
 */
export async function runBrowserSamples<S, A = undefined>(options: {
  outFile: string;
  dist: string;
  runs: number;
  run: BenchRun<S>;
  /**
   * More runs after the timed ones, given the untimed run's result (diff-bench.ts opens the URL its runs found,
   * cold); their console errors count with the timed runs'.
   */
  after?: (
    browser: Browser,
    base: string,
    errors: string[],
    untimed: S,
  ) => Promise<A>;
  report: (samples: S[], after: A | undefined) => Record<string, unknown>;
}): Promise<void> {
  const dist = path.resolve(options.dist);
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
    const untimed = await options.run(browser, base, []);
    const samples: S[] = [];
    for (let i = 0; i < options.runs; i++)
      samples.push(await options.run(browser, base, errors));
    const after = await options.after?.(browser, base, errors, untimed);
    writeFileSync(
      options.outFile,
      JSON.stringify(
        {
          status: 'ok',
          browserVersion: browser.version(),
          ...options.report(samples, after),
          // The machine is shared: its load while the bench ran explains the spread between runs.
          loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
          runs: options.runs,
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

/**
 * A run's page: a fresh context of `browser` (1280x900: cold caches, a fresh
 * demo) with `instrument` injected before any page script and the page's
 * console errors collected into `errors`; the context is closed after `measure`.
 */
export async function withBenchPage<T>(
  browser: Browser,
  instrument: string,
  errors: string[],
  measure: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  try {
    await context.addInitScript({ content: instrument });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    return await measure(page);
  } finally {
    await context.close();
  }
}
