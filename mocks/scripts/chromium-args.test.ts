// The flags the e2e suite and the benchmarks launch Chromium with (e2e/chromium.ts) against Playwright's own: Chromium
// reads only the last `--disable-features`, which is ours, so it must keep every feature Playwright disables.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  PLAYWRIGHT_DISABLED_FEATURES,
} from '../../e2e/chromium';

/** The features playwright-core's chromiumSwitches disable, read from its installed bundle. */
function playwrightDisabledFeatures(): string[] {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('playwright-core/package.json'));
  const source = readFileSync(join(root, 'lib', 'coreBundle.js'), 'utf8');
  const list = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(
    source,
  );
  if (!list)
    throw new Error('playwright-core: its disabledFeatures list moved');
  return [...list[1].matchAll(/^\s*"([^"]+)",?\s*$/gm)].map((m) => m[1]);
}

describe('Chromium flags', () => {
  it('disable every feature Playwright disables, in the one --disable-features Chromium reads', () => {
    const lists = CHROMIUM_ARGS.filter((arg) =>
      arg.startsWith('--disable-features='),
    );
    expect(lists).toHaveLength(1);
    const ours = lists[0].slice('--disable-features='.length).split(',');
    const theirs = playwrightDisabledFeatures();
    expect(theirs.length).toBeGreaterThan(5);
    expect(ours).toEqual(expect.arrayContaining(theirs));
    expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(theirs);
  });
});
