/**
 * Form benchmark (run by run.mjs with tsx): `tsx e2e/bench/form-bench.ts <out.json> <dist>`.
 * Serves the mocks build with `vite preview`, opens the profile designer with a
 * 300-field schema (put in place as the designer's autosaved draft) and types
 * into fields of the live preview (RJSF with live validation, the output JSON
 * and its validity badge updating on every key), with the large-form tools in
 * use: a section collapsed while typing elsewhere, and a field reached through
 * the field search (its keystrokes are timed too: it searches the 300 fields on
 * every key), Enter focusing it in the last section. Each keystroke is timed in
 * the page from `keydown` to the first frame after the DOM settled (rAF, then
 * a task). Also records which JS the first route and the designer load, to
 * check that RJSF and Monaco load only on the profile pages.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  chromium,
  type Browser,
  type Locator,
  type Page,
} from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../chromium';
import { FIELDS_PER_SECTION, largeSchema, SECTIONS } from './large-schema';
import { startPreview } from './preview';
import { runBench } from './entry';

const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const BUDGET_MS = 50;
const TEXT = 'platform-team-42';

/** Injected before the page: times every keystroke until the next frame has been produced. */
const INSTRUMENT = `(() => {
  const samples = [];
  window.__keystrokes = samples;
  document.addEventListener('keydown', () => {
    const start = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => samples.push(performance.now() - start);
      channel.port2.postMessage(0);
    });
  }, true);
})();`;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
};
const round = (n: number) => Math.round(n * 10) / 10;

const previewForm = (page: Page) =>
  page.getByRole('form', { name: 'Preview of the generated form' });

/** Types `text` where the focus is and returns the per-keystroke times. */
async function typeHere(page: Page, text = TEXT): Promise<number[]> {
  await page.evaluate(
    () =>
      ((window as unknown as { __keystrokes: number[] }).__keystrokes.length =
        0),
  );
  await page.keyboard.type(text, { delay: 120 });
  await page.waitForTimeout(300);
  return page.evaluate(() => [
    ...(window as unknown as { __keystrokes: number[] }).__keystrokes,
  ]);
}

/** Types into an input of the preview and returns the per-keystroke times. */
async function typeInto(input: Locator, text = TEXT): Promise<number[]> {
  await input.scrollIntoViewIfNeeded();
  await input.click();
  return typeHere(input.page(), text);
}

const field = (page: Page, label: string) =>
  previewForm(page).getByLabel(label, { exact: true });

/** Fails the run unless `check` holds: the benchmark measures the large-form tools only if they work. */
async function expectTrue(what: string, check: () => Promise<boolean>) {
  if (!(await check())) throw new Error(`large-form tools: ${what}`);
}

async function jsLoaded(
  page: Page,
  run: () => Promise<void>,
): Promise<string[]> {
  const files = new Set<string>();
  const listener = (res: { url(): string }) => {
    const { pathname } = new URL(res.url());
    if (pathname.startsWith('/assets/') && pathname.endsWith('.js'))
      files.add(pathname);
  };
  page.on('response', listener);
  await run();
  page.off('response', listener);
  return [...files].sort();
}

async function main(outFile: string, distArg: string): Promise<void> {
  const dist = path.resolve(distArg);
  if (!existsSync(path.join(dist, 'index.html')))
    throw new Error(`no index.html in ${dist}`);
  const preview = await startPreview(ROOT, dist);
  // No trailing slash: the paths appended to it start with '/'.
  const base = new URL(preview.url).origin;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    const draft = JSON.stringify({
      text: JSON.stringify(largeSchema(), null, 2),
      savedAt: new Date().toISOString(),
    });
    await context.addInitScript({
      content: `localStorage.setItem('console:profile-draft:acme/new:blank', ${JSON.stringify(draft)});\n${INSTRUMENT}`,
    });
    const errors: string[] = [];
    const page = await context.newPage();
    page.on(
      'console',
      (msg) => msg.type() === 'error' && errors.push(msg.text()),
    );
    page.on('pageerror', (error) => errors.push(error.message));

    const home = await jsLoaded(page, async () => {
      await page.goto(`${base}/`);
      await page
        .getByRole('heading', { level: 1 })
        .first()
        .waitFor({ timeout: 30_000 });
    });
    const designer = await jsLoaded(page, async () => {
      await page.goto(`${base}/orgs/acme/workload-profiles/new`);
      await page.locator('.monaco-editor').waitFor({ timeout: 30_000 });
      await page
        .getByRole('form', { name: 'Preview of the generated form' })
        .getByLabel('Field 10.30', { exact: true })
        .waitFor({ timeout: 30_000 });
    });
    const fields = await page
      .getByRole('form', { name: 'Preview of the generated form' })
      .locator('input, select')
      .count();
    // Warm-up, then a text field with a pattern in the middle section while the first is collapsed.
    await typeInto(field(page, 'Field 1.4'));
    const form = previewForm(page);
    const section1 = form.getByRole('button', {
      name: 'Section 1',
      exact: true,
    });
    await section1.click();
    await expectTrue(
      'Section 1 collapses',
      async () => (await section1.getAttribute('aria-expanded')) === 'false',
    );
    const inFields = await typeInto(field(page, 'Field 5.8'));
    await expectTrue(
      'Section 1 stays collapsed while typing elsewhere',
      async () =>
        (await section1.getAttribute('aria-expanded')) === 'false' &&
        !(await field(page, 'Field 1.4').isVisible()),
    );
    // The field search: typing its label searches the 300 fields; Enter focuses the field in the last section.
    await form.getByRole('button', { name: 'Section 10', exact: true }).click();
    const inSearch = await typeInto(
      form.getByRole('combobox', { name: 'Find a field' }),
      'Field 10.28',
    );
    await page.keyboard.press('Enter');
    await expectTrue('Enter on a result focuses its field', () =>
      field(page, 'Field 10.28').evaluate(
        (el) => el === document.activeElement,
      ),
    );
    inFields.push(...(await typeHere(page)));
    const samples = [...inFields, ...inSearch];
    const stats = (values: number[]) => ({
      keystrokes: values.length,
      median: round(percentile(values, 50)),
      p95: round(percentile(values, 95)),
      max: round(Math.max(...values)),
    });
    const summary = stats(samples);
    const lazy = designer.filter((f) => !home.includes(f));
    const gz = (files: string[]) =>
      files.reduce(
        (sum, f) =>
          sum + gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length,
        0,
      );
    writeFileSync(
      outFile,
      JSON.stringify(
        {
          status: 'ok',
          browserVersion: browser.version(),
          schema: {
            sections: SECTIONS,
            fieldsPerSection: FIELDS_PER_SECTION,
            renderedInputs: fields,
          },
          typed: TEXT,
          ...summary,
          inFields: stats(inFields),
          inSearch: stats(inSearch),
          budgetMs: BUDGET_MS,
          pass: summary.p95 <= BUDGET_MS,
          samples: samples.map(round),
          chunks: {
            home: { files: home, gzip: gz(home) },
            designerOnly: { files: lazy, gzip: gz(lazy) },
            // Monaco and RJSF are in chunks named after their wrappers; none of them may load on '/'.
            heavyOnHome: home.filter((f) =>
              /monaco|editor|rjsf|schema-form/i.test(f),
            ),
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

runBench('form-bench.ts', main);
