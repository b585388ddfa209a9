/**
 * Lighthouse benchmark (run by run.mjs with tsx): `tsx e2e/bench/lighthouse-bench.ts <out.json> <mocks dist>`.
 * Runs Lighthouse (the npm package) in Debian's Chromium on the console's main
 * pages, in two setups:
 *  - production: a build without the embedded engine (VITE_ENABLE_MOCKS=false,
 *    token from VITE_API_TOKEN) served by `vite preview`, whose /api proxy
 *    goes to `npm run api` (the engine over HTTP): how the console runs
 *    against a real API;
 *  - demo: the given build with the embedded engine (MSW + the engine start
 *    in the page before the first render), as `npm start` serves it.
 * Lighthouse's desktop preset, plus its default mobile preset (simulated
 * slow 4G, 4x slower CPU) for the landing page. Records the performance,
 * accessibility and best-practices scores (0-100) and the audits that lost
 * points. Failures are written to the JSON, never thrown.
 *
 * LIGHTHOUSE_SETUPS=demo (or production) audits one setup only, for a quick
 * look at what a change does to it; both by default. LIGHTHOUSE_LHR_DIR=<dir>
 * also writes each page's full Lighthouse result there, to see what it lost.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Config, type Flags } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { findChromium } from '../chromium';
import { runBench } from './entry';
import { startPreview, startProduction } from './preview';

const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

/** The main pages, as paths of the demo organisation. */
export const PAGES: [
  name: string,
  path: string,
  preset: 'desktop' | 'mobile',
][] = [
  ['landing', '/', 'desktop'],
  ['landing (mobile)', '/', 'mobile'],
  ['app', '/orgs/acme/apps/shop', 'desktop'],
  ['environment', '/orgs/acme/apps/payments/envs/staging', 'desktop'],
  ['diff', '/orgs/acme/apps/shop/diff?from=staging&to=production', 'desktop'],
  ['profiles', '/orgs/acme/workload-profiles', 'desktop'],
];

interface PageScore {
  setup: 'production' | 'demo';
  name: string;
  path: string;
  preset: string;
  scores: Record<string, number | null>;
  /** Audits that lost points (score < 1), per category, for the README's notes. */
  failing: string[];
  error?: string;
}

async function audit(
  setup: PageScore['setup'],
  baseUrl: string,
  port: number,
): Promise<PageScore[]> {
  const results: PageScore[] = [];
  for (const [name, pagePath, preset] of PAGES) {
    const flags: Flags = {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    };
    const config: Config | undefined =
      preset === 'desktop' ? (desktopConfig as Config) : undefined;
    try {
      const run = await lighthouse(
        new URL(pagePath, baseUrl).href,
        flags,
        config,
      );
      const lhr = run?.lhr;
      if (!lhr) throw new Error('Lighthouse returned no result');
      if (process.env.LIGHTHOUSE_LHR_DIR)
        writeFileSync(
          path.join(
            process.env.LIGHTHOUSE_LHR_DIR,
            `${setup}-${name.replace(/\W+/g, '-')}.json`,
          ),
          JSON.stringify(lhr),
        );
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [
          c,
          lhr.categories[c]?.score == null
            ? null
            : Math.round((lhr.categories[c].score ?? 0) * 100),
        ]),
      );
      const failing = CATEGORIES.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter(
            (ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1,
          )
          .map(
            (ref) =>
              `${c}: ${ref.id} (${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score})`,
          ),
      );
      results.push({ setup, name, path: pagePath, preset, scores, failing });
    } catch (error) {
      results.push({
        setup,
        name,
        path: pagePath,
        preset,
        scores: {},
        failing: [],
        error: String(error),
      });
    }
  }
  return results;
}

async function main(outFile: string, distArg: string): Promise<void> {
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  });
  const pages: PageScore[] = [];
  const setups = (process.env.LIGHTHOUSE_SETUPS ?? 'production,demo').split(
    ',',
  );
  try {
    if (setups.includes('production')) {
      const production = await startProduction(ROOT);
      try {
        pages.push(...(await audit('production', production.url, chrome.port)));
      } finally {
        production.stop();
      }
    }
    if (setups.includes('demo')) {
      const demo = await startPreview(ROOT, path.resolve(distArg));
      try {
        pages.push(...(await audit('demo', demo.url, chrome.port)));
      } finally {
        demo.stop();
      }
    }
  } finally {
    await chrome.kill();
  }
  writeFileSync(outFile, JSON.stringify({ status: 'ok', pages }, null, 2));
}

runBench('lighthouse-bench.ts', main);
