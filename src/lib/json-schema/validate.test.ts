import { describe, expect, it } from 'vitest';
import { checkSchema } from './check';
import { isValidJson, validateJson, type JsonSchema } from './validate';

type Case = [
  name: string,
  schema: JsonSchema,
  valid: unknown[],
  invalid: unknown[],
];

const CASES: Case[] = [
  ['type string', { type: 'string' }, ['a', ''], [1, null, [], {}]],
  ['type integer vs number', { type: 'integer' }, [1, -3, 2.0], [1.5, '1']],
  ['type list', { type: ['string', 'null'] }, ['a', null], [1, false]],
  ['enum', { enum: ['a', 1, { x: 1 }] }, ['a', 1, { x: 1 }], ['b', { x: 2 }]],
  ['const', { const: [1, 2] }, [[1, 2]], [[2, 1], 1]],
  [
    'min/max length in code points',
    { type: 'string', minLength: 2, maxLength: 3 },
    ['ab', '😀😀'],
    ['a', 'abcd'],
  ],
  [
    'pattern (only on strings)',
    { pattern: '^[a-z]+$' },
    ['abc', 1],
    ['ABC', ''],
  ],
  [
    'format date-time',
    { type: 'string', format: 'date-time' },
    ['2026-01-15T09:00:00Z'],
    ['2026-13-01T00:00:00Z', 'yesterday'],
  ],
  ['format email', { format: 'email' }, ['a@b.co'], ['nope']],
  [
    'numbers',
    { type: 'number', minimum: 1, maximum: 10, multipleOf: 0.5 },
    [1, 10, 2.5],
    [0, 11, 1.2],
  ],
  [
    'exclusive bounds',
    { exclusiveMinimum: 0, exclusiveMaximum: 1 },
    [0.5],
    [0, 1],
  ],
  [
    'items',
    { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 2 },
    [[1], [1, 2]],
    [[], [1, 2, 3], ['a']],
  ],
  [
    'uniqueItems',
    { uniqueItems: true },
    [
      [1, 2],
      [{ a: 1 }, { a: 2 }],
    ],
    [
      [1, 1],
      [{ a: 1 }, { a: 1 }],
    ],
  ],
  ['contains', { contains: { const: 3 } }, [[1, 3]], [[1, 2], []]],
  [
    'properties, required, additionalProperties',
    {
      type: 'object',
      properties: { a: { type: 'string' } },
      required: ['a'],
      additionalProperties: false,
    },
    [{ a: 'x' }],
    [{}, { a: 1 }, { a: 'x', b: 1 }],
  ],
  [
    'additionalProperties schema',
    { additionalProperties: { type: 'number' } },
    [{ x: 1 }],
    [{ x: 'a' }],
  ],
  [
    'patternProperties',
    {
      patternProperties: { '^x-': { type: 'string' } },
      additionalProperties: false,
    },
    [{ 'x-a': 'b' }],
    [{ 'x-a': 1 }, { y: 1 }],
  ],
  [
    'propertyNames',
    { propertyNames: { pattern: '^[a-z]+$' } },
    [{ abc: 1 }],
    [{ ABC: 1 }],
  ],
  [
    'min/max properties',
    { minProperties: 1, maxProperties: 2 },
    [{ a: 1 }],
    [{}, { a: 1, b: 2, c: 3 }],
  ],
  [
    'dependencies (draft 7)',
    { dependencies: { a: ['b'], c: { required: ['d'] } } },
    [{}, { a: 1, b: 1 }, { c: 1, d: 1 }],
    [{ a: 1 }, { c: 1 }],
  ],
  ['allOf', { allOf: [{ minimum: 1 }, { maximum: 3 }] }, [2], [0, 4]],
  [
    'anyOf',
    { anyOf: [{ type: 'string' }, { type: 'number' }] },
    ['a', 1],
    [null],
  ],
  ['oneOf', { oneOf: [{ multipleOf: 2 }, { multipleOf: 3 }] }, [2, 3], [6, 5]],
  ['not', { not: { type: 'string' } }, [1], ['a']],
  [
    'if / then / else',
    {
      if: { properties: { kind: { const: 'http' } } },
      then: { required: ['port'] },
      else: { required: ['command'] },
    },
    [
      { kind: 'http', port: 80 },
      { kind: 'exec', command: 'x' },
    ],
    [{ kind: 'http' }, { kind: 'exec' }],
  ],
  ['false schema', { properties: { a: false } }, [{}], [{ a: 1 }]],
  [
    'local $ref and $defs',
    {
      $defs: { port: { type: 'integer', minimum: 1 } },
      properties: { p: { $ref: '#/$defs/port' } },
    },
    [{ p: 80 }],
    [{ p: 0 }],
  ],
  [
    'recursive $ref',
    {
      type: 'object',
      properties: { child: { $ref: '#' }, n: { type: 'number' } },
    },
    [{ child: { child: { n: 1 } } }],
    [{ child: { child: { n: 'x' } } }],
  ],
];

describe('validateJson', () => {
  it.each(CASES)(
    '%s: accepts the valid data and refuses the rest',
    (_name, schema, valid, invalid) => {
      for (const data of valid) {
        expect(validateJson(schema, data), JSON.stringify(data)).toEqual([]);
        expect(isValidJson(schema, data)).toBe(true);
      }
      for (const data of invalid) {
        expect(
          validateJson(schema, data).length,
          JSON.stringify(data),
        ).toBeGreaterThan(0);
        expect(isValidJson(schema, data)).toBe(false);
      }
    },
  );

  it('reports ajv-shaped errors that name the field and say what is wrong', () => {
    const schema = {
      type: 'object',
      properties: { image: { type: 'string', minLength: 1 } },
      required: ['image', 'name'],
    };
    const errors = validateJson(schema, { image: '' });
    expect(
      errors.map(({ instancePath, keyword, message, params }) => ({
        instancePath,
        keyword,
        message,
        params,
      })),
    ).toEqual([
      {
        instancePath: '',
        keyword: 'required',
        message: 'is required',
        params: { missingProperty: 'name' },
      },
      {
        instancePath: '/image',
        keyword: 'minLength',
        message: 'must not be empty',
        params: { limit: 1 },
      },
    ]);
    expect(errors[1].schemaPath).toBe('#/properties/image/minLength');
  });

  it('uses messages the schema declares with x-console-errors', () => {
    const schema = {
      type: 'object',
      required: ['image'],
      properties: {
        image: {
          type: 'string',
          pattern: ':',
          'x-console-errors': {
            required: 'Pick an image.',
            pattern: 'Add a tag, e.g. app:1.0.',
          },
        },
        port: {
          type: 'integer',
          'x-console-errors': 'A port is a whole number.',
        },
      },
    };
    expect(validateJson(schema, {}).map((e) => e.message)).toEqual([
      'Pick an image.',
    ]);
    expect(
      validateJson(schema, { image: 'app', port: 1.5 }).map((e) => e.message),
    ).toEqual(['Add a tag, e.g. app:1.0.', 'A port is a whole number.']);
  });

  it('reports the problems of the closest oneOf option instead of "matches no option"', () => {
    const schema = {
      oneOf: [
        {
          type: 'object',
          properties: { port: { type: 'integer' } },
          required: ['port'],
        },
        { type: 'string' },
      ],
    };
    expect(
      validateJson(schema, { port: 'x' }).map((e) => [
        e.instancePath,
        e.message,
      ]),
    ).toEqual([['/port', 'must be a whole number']]);
    expect(validateJson(schema, 5).map((e) => e.keyword)).toEqual(['oneOf']);
  });

  it('reports an unresolvable $ref instead of throwing', () => {
    expect(
      validateJson({ $ref: '#/$defs/missing' }, 1).map((e) => e.keyword),
    ).toEqual(['$ref']);
  });

  it('resolves references by the root $id', () => {
    const schema = {
      $id: 'https://example.com/s',
      $defs: { n: { type: 'number' } },
      properties: { a: { $ref: 'https://example.com/s#/$defs/n' } },
    };
    expect(isValidJson(schema, { a: 1 })).toBe(true);
    expect(isValidJson(schema, { a: 'x' })).toBe(false);
  });

  it('validates a sub-schema against its root (references resolve in the root)', () => {
    const root = {
      $defs: { port: { type: 'integer', minimum: 1 } },
      properties: { p: { $ref: '#/$defs/port' } },
    };
    const sub = root.properties.p;
    expect(isValidJson(sub, 80, root)).toBe(true);
    expect(isValidJson(sub, 0, root)).toBe(false);
  });

  it('never keeps a stale validator when a schema with the same $id changes', () => {
    const v1 = { $id: 'https://example.com/p', type: 'string' };
    const v2 = { $id: 'https://example.com/p', type: 'number' };
    expect(isValidJson(v1, 'a')).toBe(true);
    expect(isValidJson(v2, 'a')).toBe(false);
    expect(isValidJson(v2, 1)).toBe(true);
  });
});

describe('checkSchema', () => {
  it('accepts a sound schema', () => {
    expect(
      checkSchema({
        type: 'object',
        properties: { a: { type: 'string', pattern: '^a', default: 'ab' } },
        required: ['a'],
      }),
    ).toEqual([]);
  });

  it('pins problems to their JSON pointer, errors first', () => {
    const problems = checkSchema({
      type: 'object',
      properties: {
        name: { type: 'text', reqired: true },
        port: { type: 'integer', minimum: 'one', default: 'x' },
        tag: { pattern: '(' },
        ref: { $ref: '#/$defs/nope' },
        w: { 'ui:widget': 'textarea' },
      },
    });
    expect(problems.map((p) => [p.severity, p.path])).toEqual([
      ['error', '/properties/name/type'],
      ['error', '/properties/port/minimum'],
      ['error', '/properties/tag/pattern'],
      ['error', '/properties/ref/$ref'],
      ['warning', '/properties/name/reqired'],
      ['warning', '/properties/w/ui:widget'],
    ]);
    expect(problems[0].message).toMatch(/`type` must be one of: .*"string"/);
    expect(problems[1].message).toBe('`minimum` must be a number.');
  });

  it('warns when a default does not fit, once the schema is sound', () => {
    expect(
      checkSchema({ properties: { port: { type: 'integer', default: 'x' } } }),
    ).toEqual([
      {
        path: '/properties/port/default',
        severity: 'warning',
        message:
          'The default value does not fit this schema: it must be a whole number.',
      },
    ]);
  });

  it('reports what ajv cannot compile (a remote reference)', () => {
    expect(
      checkSchema({
        properties: { a: { $ref: 'https://example.com/other.json' } },
      }),
    ).toEqual([
      expect.objectContaining({
        path: '/properties/a/$ref',
        severity: 'error',
        message: expect.stringMatching(/other\.json/),
      }),
    ]);
  });

  it('names a $ref cycle instead of letting the validator overflow its stack', () => {
    const problems = checkSchema({
      $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } },
      properties: { x: { $ref: '#/$defs/a' } },
    });
    expect(problems[0]).toMatchObject({
      severity: 'error',
      path: '/$defs/a/$ref',
    });
    expect(problems[0].message).toBe(
      '`$ref` goes round in a circle (#/$defs/b → #/$defs/a → #/$defs/b) and never reaches a schema.',
    );
    // A recursive schema whose reference sits under a real keyword is sound.
    expect(
      checkSchema({
        $defs: {
          node: {
            type: 'object',
            properties: { child: { $ref: '#/$defs/node' } },
          },
        },
        properties: { x: { $ref: '#/$defs/node' } },
      }),
    ).toEqual([]);
  });

  it('refuses a schema that is not an object', () => {
    expect(checkSchema([1])[0]).toMatchObject({ path: '', severity: 'error' });
  });
});

describe('the kept meta-schema checker (one per draft)', () => {
  const invalid = { type: 'object', properties: { a: { type: 'nope' } } };

  it('checks schema after schema, of any draft, with nothing left from the one before', () => {
    const draft2020 = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { a: { type: 'nope' } },
    };
    for (let round = 0; round < 2; round += 1) {
      expect(checkSchema(invalid).map((p) => p.path)).toContain(
        '/properties/a/type',
      );
      expect(checkSchema({ type: 'string' })).toEqual([]);
      expect(checkSchema(draft2020).map((p) => p.path)).toContain(
        '/properties/a/type',
      );
    }
  });

  it('still refuses to validate against a schema that does not fit its meta-schema', () => {
    expect(validateJson(invalid, { a: 1 })).toMatchObject([
      { schemaPath: '#', message: expect.stringMatching(/schema is invalid/) },
    ]);
    expect(isValidJson(invalid, { a: 1 })).toBe(false);
    expect(validateJson({ type: 'string' }, 1)).toHaveLength(1);
  });
});
