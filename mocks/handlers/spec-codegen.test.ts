import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSpecArtifacts } from './spec-codegen';

describe('spec-codegen', () => {
  it.each(generateSpecArtifacts().map((f) => [f.path, f.content]))(
    '%s is up to date (run `npm run gen`)',
    (path, content) => {
      expect(
        readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'),
      ).toBe(content);
    },
  );
});
