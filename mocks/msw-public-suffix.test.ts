import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDomain } from './msw-public-suffix';

describe('the stand-in for tldts (vite.config.ts aliases it outside Vitest)', () => {
  it('answers "no registrable domain", as for a public suffix', () => {
    expect(getDomain()).toBeNull();
  });

  it("stands in for the only package that imports tldts: tough-cookie, MSW's cookie jar", () => {
    // A new dependency on tldts would get the stand-in too: this says so before it ships.
    const lock = JSON.parse(
      readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'),
    ) as {
      packages: Record<string, { dependencies?: Record<string, string> }>;
    };
    const importers = Object.entries(lock.packages)
      .filter(
        ([, entry]) => entry.dependencies && 'tldts' in entry.dependencies,
      )
      .map(([name]) => name);
    expect(importers).toEqual(['node_modules/tough-cookie']);
  });
});
