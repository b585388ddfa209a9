import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAX_PROFILE_DEFINITION_CHARS } from '@/contract/limits';
import { DEMO_TOKEN } from '../../../../mocks/fixtures';
import { resetTestEngine } from '../../../../mocks/node';
import { specDefinitionFromDocument } from '../utils/profile-document';
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
    // 271: the published definition of the 270 KiB document (the engine's measure).
    const { result } = renderHook(() => useDesignerAnalysis(BIG, NO_FEATURES));
    await waitFor(() =>
      expect(result.current.problems[0]?.message).toMatch(
        /^The profile is 271 KiB without its spaces; a profile can be at most 256 KiB \(the engine's limit\)/,
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

  it('measures what the engine measures: the published definition, not the document', async () => {
    // 1,500 titled fields: about 130 KiB as a document, about 290 KiB as a definition (each title is also the property's).
    const properties = Object.fromEntries(
      Array.from({ length: 1500 }, (_, i) => [
        `field_${i}`,
        { type: 'string', title: `${'T'.repeat(80)} ${i}` },
      ]),
    );
    const document = { type: 'object', properties };
    expect(JSON.stringify(document).length).toBeLessThan(
      MAX_PROFILE_DEFINITION_CHARS,
    );
    const { engine } = resetTestEngine();
    expect(() =>
      engine.createProfile(engine.authenticate(DEMO_TOKEN), 'acme', {
        id: 'wide',
        spec_definition: specDefinitionFromDocument(document) as never,
        workload_profile_chart: {
          id: 'humanitec/default-module',
          version: '1.0.0',
        },
      }),
    ).toThrow(/a profile can be at most 256 KiB/);
    const { result } = renderHook(() =>
      useDesignerAnalysis(JSON.stringify(document), NO_FEATURES),
    );
    await waitFor(() =>
      expect(result.current.problems[0]?.message).toMatch(
        /^The profile is \d+ KiB without its spaces; a profile can be at most 256 KiB \(the engine's limit\)/,
      ),
    );
  });
});
