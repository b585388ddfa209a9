/**
 * The engine's side of cross-field rules (x-console-rules) and cron fields
 * (issue 18): enforced when a delta is applied, with the messages the form
 * shows, and checked when a profile is published.
 */
import { describe, expect, it } from 'vitest';
import { consoleSchemaValidator } from '../../../src/lib/json-schema/schema-validator';
import { createManualClock, createSequentialIds } from '../core/clock';
import { refusal } from '../core/errors';
import { T0 } from '../../fixtures/test-engine';
import { createEngine, DEMO_TOKENS } from '../../fixtures';

const ORG = 'acme';
const CHART = { id: 'humanitec/default-module', version: '1.0.0' };

function setup() {
  const engine = createEngine({
    clock: createManualClock(T0),
    ids: createSequentialIds('t'),
    seed: 'empty',
    schemaValidator: consoleSchemaValidator,
  });
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  engine.createApp(admin, ORG, { id: 'app', name: 'App' });
  return { engine, admin };
}

const quantity = (title: string) => ({ type: 'string', title });

const spec_definition = {
  properties: {
    image: {
      type: 'schema' as const,
      schema: { type: 'string', title: 'Image' },
    },
    script: {
      type: 'schema' as const,
      schema: { type: 'string', title: 'Script' },
    },
    resources: {
      type: 'schema' as const,
      schema: {
        type: 'object',
        properties: {
          requests: {
            type: 'object',
            properties: { memory: quantity('Memory request') },
          },
          limits: {
            type: 'object',
            properties: { memory: quantity('Memory limit') },
          },
        },
        'x-console-rules': [
          {
            rule: 'compare',
            field: '/limits/memory',
            op: '>=',
            than: '/requests/memory',
            as: 'memory',
          },
        ],
      },
    },
    schedule: {
      type: 'schema' as const,
      schema: { type: 'string', title: 'Schedule', 'x-console-widget': 'cron' },
    },
  },
  'x-console-root': {
    'x-console-rules': [
      {
        rule: 'exactly-one',
        fields: ['/image', '/script'],
        message: 'Give an image or a script.',
      },
    ],
  },
};

const add = (spec: object) => ({
  modules: {
    add: { w: { profile: 'acme/job', spec: spec as never, externals: {} } },
  },
});

describe('cross-field rules and cron fields in the engine (issue 18)', () => {
  it('refuses a workload that breaks a rule or holds no cron expression, at the fields, with the form’s messages', () => {
    const { engine, admin } = setup();
    engine.createProfile(admin, ORG, {
      id: 'job',
      description: 'A job',
      workload_profile_chart: CHART,
      spec_definition: spec_definition as never,
    });
    const refused = refusal(() =>
      engine.applyDelta(
        admin,
        ORG,
        'app',
        '0',
        add({
          image: 'nginx',
          script: 'echo hi',
          resources: {
            requests: { memory: '1Gi' },
            limits: { memory: '512Mi' },
          },
          schedule: '0 24 * * *',
        }),
      ),
    );
    expect(refused.code).toBe('invalid');
    expect(
      (refused.details?.errors as { path: string; message: string }[]).map(
        (e) => `${e.path}: ${e.message}`,
      ),
    ).toEqual([
      '/resources/limits/memory: must be at least Memory request (1Gi)',
      '/schedule: must be a cron expression: the hour must be 0 to 23; got "24"',
      '/image: Give an image or a script.',
      '/script: Give an image or a script.',
    ]);
    expect(
      typeof engine.applyDelta(
        admin,
        ORG,
        'app',
        '0',
        add({
          script: 'echo hi',
          resources: {
            requests: { memory: '512Mi' },
            limits: { memory: '1Gi' },
          },
          schedule: '0 23 * * MON-FRI',
        }),
      ),
    ).toBe('string');
  });

  it('refuses to publish a profile whose rules have typos, naming where', () => {
    const { engine, admin } = setup();
    const refused = refusal(() =>
      engine.createProfile(admin, ORG, {
        id: 'typo',
        description: 'Typos',
        workload_profile_chart: CHART,
        spec_definition: {
          properties: spec_definition.properties,
          'x-console-root': {
            'x-console-rules': [
              { rule: 'exactly-one', feilds: ['/image', '/script'] },
            ],
          },
        } as never,
      }),
    );
    expect(refused.code).toBe('invalid');
    expect(
      (refused.details?.errors as { path: string; message: string }[]).map(
        (e) => e.message,
      ),
    ).toEqual([
      'Unknown key `feilds` in a rule: did you mean `fields`? Known: rule, field, op, than, as, fields, message.',
      'The "exactly-one" rule needs `fields`.',
    ]);
  });
});
