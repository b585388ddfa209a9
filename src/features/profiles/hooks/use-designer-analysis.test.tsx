import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAX_PROFILE_DEFINITION_CHARS } from '@/contract/limits';
import { useDesignerAnalysis } from './use-designer-analysis';

/** A profile document of about `kib` KiB (compact JSON): one field whose description fills it. */
const documentOf = (kib: number) =>
  JSON.stringify(
    {
      type: 'object',
      properties: {
        note: { type: 'string', description: 'x'.repeat(kib * 1024 - 80) },
      },
    },
    null,
    2,
  );

const NO_FEATURES: never[] = [];
const BIG = documentOf(270);
const SMALL = documentOf(250);

describe('the designer checks the size the engine enforces (issue 18)', () => {
  it('refuses a profile over the engine limit, saying the limit', async () => {
    const { result } = renderHook(() => useDesignerAnalysis(BIG, NO_FEATURES));
    await waitFor(() =>
      expect(result.current.problems[0]?.message).toMatch(
        /^The profile is 270 KiB without its spaces; a profile can be at most 256 KiB \(the engine's limit\)/,
      ),
    );
    expect(result.current.errors).toBe(1);
  });

  it('accepts one under it', async () => {
    expect(SMALL.length).toBeLessThan(MAX_PROFILE_DEFINITION_CHARS);
    const { result } = renderHook(() =>
      useDesignerAnalysis(SMALL, NO_FEATURES),
    );
    await waitFor(() => expect(result.current.document).toBeDefined());
    expect(result.current.errors).toBe(0);
  });
});
