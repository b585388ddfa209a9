import { render, screen, within } from '@testing-library/react';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { SchemaForm } from '@/components/editors/schema-form';
import { checkSchema } from '@/lib/json-schema/check';
import { validateJson } from '@/lib/json-schema/validate';
import { compileAnnotations } from '@/lib/schema-annotations';
import { DEMO_TOKEN } from '../../../../mocks/fixtures';
import { resetTestEngine } from '../../../../mocks/node';
import { specDefinitionFromDocument } from './profile-document';
import { scoreDocument, scoreSample, SCORE_SAMPLES } from './score';
import { SCORE_V1B1_SCHEMA as schema } from '@/lib/score/schema';

const ajv = new Ajv2020({
  strict: false,
  allErrors: true,
  validateFormats: false,
});
const reference = ajv.compile(schema);

describe('the Score workload schema (score.dev/v1b1)', () => {
  it.each([
    ['full', true],
    ['deprecated', true],
    ['dependencies', false],
    ['extras', false],
  ] as const)(
    'validates the sample %s like ajv does (valid: %s)',
    async (name, valid) => {
      const sample = await scoreSample(name);
      const errors = validateJson(schema, sample);
      expect(errors.length === 0).toBe(valid);
      expect(reference(sample)).toBe(valid);
      if (!valid) {
        // The score-humanitec examples still say score.sh/v1b1.
        expect(errors.map((e) => `${e.instancePath} ${e.keyword}`)).toContain(
          '/apiVersion pattern',
        );
        expect(
          validateJson(scoreDocument(), sample).find(
            (e) => e.instancePath === '/apiVersion',
          )?.message,
        ).toBe('Score files of this version say score.dev/v1b1.');
      }
    },
  );

  it('is a sound schema whose overlay uses only known annotations', () => {
    expect(
      checkSchema(scoreDocument()).filter((p) => p.severity === 'error'),
    ).toEqual([]);
    expect(compileAnnotations(scoreDocument()).problems).toEqual([]);
    expect(Object.keys(SCORE_SAMPLES)).toHaveLength(4);
  });

  it('renders as a usable form filled from the full sample', async () => {
    const sample = await scoreSample('full');
    render(
      <SchemaForm
        idPrefix="score"
        label="Score workload"
        schema={scoreDocument()}
        formData={sample}
        onChange={() => undefined}
      />,
    );
    const form = await screen.findByRole('form', { name: 'Score workload' });
    expect(
      within(form).getByDisplayValue('example-workload-name123'),
    ).toBeInTheDocument();
    expect(
      within(form).getByDisplayValue('localhost:4000/repo/my-image'),
    ).toBeInTheDocument();
    expect(within(form).getByDisplayValue('tag')).toBeInTheDocument();
    expect(within(form).getByDisplayValue('SOME_VAR')).toBeInTheDocument();
    expect(
      within(form).getByRole('textbox', { name: 'Name of port 1' }),
    ).toHaveValue('port-one');
    expect(
      within(form).getAllByRole('button', { name: /Add/ }).length,
    ).toBeGreaterThan(0);
  });

  it('publishes as a profile whose spec_schema the engine enforces ($defs through x-console-root)', async () => {
    const { engine } = resetTestEngine();
    const actor = engine.authenticate(DEMO_TOKEN);
    const profile = engine.createProfile(actor, 'acme', {
      id: 'score-workload',
      spec_definition: specDefinitionFromDocument(scoreDocument()) as never,
      workload_profile_chart: {
        id: 'humanitec/default-module',
        version: '1.0.0',
      },
    });
    expect(
      validateJson(profile.spec_schema, await scoreSample('full')),
    ).toEqual([]);
    engine.createApp(actor, 'acme', { id: 'score-app', name: 'Score app' });
    const add = (spec: unknown) => ({
      modules: {
        add: {
          w: {
            profile: 'acme/score-workload',
            spec: spec as Record<string, never>,
            externals: {},
          },
        },
      },
    });
    expect(
      typeof engine.applyDelta(
        actor,
        'acme',
        'score-app',
        '0',
        add(await scoreSample('full')),
      ),
    ).toBe('string');
    const extras = add(await scoreSample('extras'));
    expect(() =>
      engine.applyDelta(actor, 'acme', 'score-app', '0', extras),
    ).toThrow(
      /at `apiVersion`: Score files of this version say score.dev\/v1b1\./,
    );
  });
});
