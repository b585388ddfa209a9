import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/client';
import {
  fieldLabel,
  fieldProblems,
  revealProblemFields,
  toErrorTree,
} from './field-errors';

const engineError = new ApiError(400, {
  error: 'API-400',
  message: 'Workload `api` does not match its profile',
  details: {
    errors: [
      {
        workload_id: 'api',
        path: '/containers/api/image',
        message: 'An image is required.',
      },
      {
        workload_id: 'api',
        path: '/containers/api/image',
        message: 'must not be empty',
      },
      { workload_id: 'api', path: '/a~1b', message: 'x' },
      { workload_id: 'other', path: '/replicas', message: 'y' },
    ],
  },
});

describe('engine field errors', () => {
  it('keeps the problems of the workload and nests them by field', () => {
    const problems = fieldProblems(engineError, 'api');
    expect(problems).toHaveLength(3);
    expect(toErrorTree(problems)).toEqual({
      containers: {
        api: {
          image: { __errors: ['An image is required.', 'must not be empty'] },
        },
      },
      'a/b': { __errors: ['x'] },
    });
    expect(fieldLabel('/containers/api/image')).toBe(
      'containers › api › image',
    );
  });

  it('names a field by the labels of its schema: titles, else words; map entries as they are', () => {
    const schema = {
      type: 'object',
      $defs: {
        probe: {
          type: 'object',
          properties: { initial_delay_seconds: { type: 'integer' } },
        },
      },
      properties: {
        containers: {
          type: 'object',
          title: 'Containers',
          additionalProperties: {
            type: 'object',
            properties: {
              image: { type: 'string', title: 'Image' },
              readiness_probe: { $ref: '#/$defs/probe' },
            },
          },
        },
        cpu: { type: 'number' },
      },
    };
    expect(fieldLabel('/containers/api/image', schema)).toBe(
      'Containers › api › Image',
    );
    expect(
      fieldLabel(
        '/containers/api/readiness_probe/initial_delay_seconds',
        schema,
      ),
    ).toBe('Containers › api › Readiness probe › Initial delay (s)');
    expect(fieldLabel('/cpu', schema)).toBe('CPU');
    expect(fieldLabel('/unknown/x', schema)).toBe('unknown › x');
  });

  it('ignores other errors', () => {
    expect(
      fieldProblems(
        new ApiError(409, { error: 'API-409', message: 'busy' }),
        'api',
      ),
    ).toEqual([]);
    expect(fieldProblems(new Error('x'), 'api')).toEqual([]);
  });
});

describe('revealProblemFields', () => {
  const schema = {
    type: 'object',
    properties: {
      tier: { type: 'string', const: 'gold', 'x-console-hidden': true },
      name: { type: 'string' },
      sidecars: {
        type: 'object',
        'x-console-hidden': true,
        additionalProperties: {
          type: 'object',
          properties: { mode: { type: 'string', 'x-console-hidden': true } },
        },
      },
    },
  };

  it('shows each hidden field on a problem’s path, and leaves the others hidden', () => {
    const shown = revealProblemFields(schema, [
      { path: '/tier', message: 'must be gold' },
    ]);
    expect(shown.properties).toMatchObject({
      tier: { type: 'string', const: 'gold' },
      sidecars: { 'x-console-hidden': true },
    });
    expect(
      (shown.properties as Record<string, object>).tier,
    ).not.toHaveProperty('x-console-hidden');
    // The schema it was given is not changed.
    expect(schema.properties.tier['x-console-hidden']).toBe(true);
  });

  it('reveals through objects and map entries', () => {
    const shown = revealProblemFields(schema, [
      { path: '/sidecars/log/mode', message: 'is required' },
    ]) as typeof schema;
    expect(shown.properties.sidecars).not.toHaveProperty('x-console-hidden');
    expect(
      shown.properties.sidecars.additionalProperties.properties.mode,
    ).toEqual({ type: 'string' });
  });

  it('is the same schema when no problem is hidden', () => {
    expect(
      revealProblemFields(schema, [{ path: '/name', message: 'is required' }]),
    ).toBe(schema);
  });
});
