import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM helper without type declarations
import { API_DOCUMENTS, generateApiTypes } from './api-types.mjs';

describe('generated API types', () => {
  for (const doc of API_DOCUMENTS as { input: string; output: string }[]) {
    it(`${doc.output} is up to date with ${doc.input} (run \`npm run gen\`)`, async () => {
      const expected = await generateApiTypes(doc.input);
      expect(readFileSync(doc.output, 'utf8')).toBe(expected);
    });
  }
});
