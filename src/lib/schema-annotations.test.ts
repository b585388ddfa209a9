import { describe, expect, it } from 'vitest';
import {
  ANNOTATIONS,
  closest,
  compileAnnotations,
  WIDGETS,
} from './schema-annotations';

describe('compileAnnotations', () => {
  it('compiles each annotation into the uiSchema of its field', () => {
    const { uiSchema, problems } = compileAnnotations({
      type: 'object',
      properties: {
        image: {
          type: 'string',
          'x-console-widget': 'image',
          'x-console-help': 'Repository and tag.',
          'x-console-placeholder': 'registry/app:1.0',
          'x-console-group': 'Container',
        },
        token: {
          type: 'string',
          'x-console-widget': 'secret',
          'x-console-readonly': true,
        },
        internal: { type: 'string', 'x-console-hidden': true },
        variables: {
          type: 'object',
          additionalProperties: { type: 'string' },
          'x-console-widget': 'key-value',
        },
        protocol: {
          type: 'string',
          enum: ['TCP', 'UDP'],
          'x-console-enum-labels': { TCP: 'TCP (default)' },
        },
        mode: {
          type: 'string',
          enum: ['a', 'b'],
          'x-console-enum-labels': ['Mode A', 'Mode B'],
        },
        path: {
          type: 'string',
          'x-console-visible-if': {
            properties: { protocol: { const: 'TCP' } },
          },
        },
      },
    });
    expect(problems).toEqual([]);
    expect(uiSchema.image).toEqual({
      'ui:widget': 'image',
      'ui:help': 'Repository and tag.',
      'ui:placeholder': 'registry/app:1.0',
      'ui:options': { group: 'Container' },
    });
    expect(uiSchema.token).toEqual({
      'ui:widget': 'secret',
      'ui:readonly': true,
    });
    expect(uiSchema.internal).toEqual({ 'ui:options': { hidden: true } });
    expect(uiSchema.variables).toEqual({
      'ui:field': 'key-value',
      additionalProperties: {},
    });
    expect(uiSchema.protocol).toEqual({
      'ui:enumNames': ['TCP (default)', 'UDP'],
    });
    expect(uiSchema.mode).toEqual({ 'ui:enumNames': ['Mode A', 'Mode B'] });
    expect(uiSchema.path).toEqual({
      'ui:options': {
        visibleIf: { properties: { protocol: { const: 'TCP' } } },
      },
    });
  });

  it('orders fields by x-console-order, keeping declaration order for the rest, and ends with a wildcard', () => {
    const { uiSchema } = compileAnnotations({
      type: 'object',
      properties: {
        c: { type: 'string' },
        b: { type: 'string', 'x-console-order': 2 },
        a: { type: 'string', 'x-console-order': 1 },
        d: {},
      },
    });
    expect(uiSchema['ui:order']).toEqual(['a', 'b', 'c', 'd', '*']);
  });

  it('keeps the order of fields that conditionals add (if/then/else, allOf, dependencies)', () => {
    const { uiSchema } = compileAnnotations({
      type: 'object',
      properties: {
        kind: { enum: ['http', 'tcp'], 'x-console-order': 1 },
        timeout: { type: 'integer', 'x-console-order': 9 },
      },
      if: { properties: { kind: { const: 'http' } } },
      then: {
        properties: {
          path: {
            type: 'string',
            'x-console-order': 2,
            'x-console-help': 'HTTP path',
          },
        },
      },
      else: { properties: { port: { type: 'integer', 'x-console-order': 3 } } },
      allOf: [
        { properties: { retries: { type: 'integer', 'x-console-order': 4 } } },
      ],
      dependencies: {
        timeout: {
          properties: { grace: { type: 'integer', 'x-console-order': 10 } },
        },
      },
    });
    expect(uiSchema['ui:order']).toEqual([
      'kind',
      'path',
      'port',
      'retries',
      'timeout',
      'grace',
      '*',
    ]);
    expect(uiSchema.path).toEqual({ 'ui:help': 'HTTP path' });
  });

  it('compiles the uiSchema of array items, map values, oneOf options and $refs', () => {
    const { uiSchema, problems } = compileAnnotations({
      $defs: { cron: { type: 'string', 'x-console-widget': 'cron' } },
      type: 'object',
      properties: {
        tags: {
          type: 'array',
          items: { type: 'string', 'x-console-placeholder': 'tag' },
        },
        jobs: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: { schedule: { $ref: '#/$defs/cron' } },
          },
        },
        probe: {
          oneOf: [
            {
              title: 'HTTP',
              properties: { path: { type: 'string', 'x-console-order': 1 } },
            },
            {
              title: 'Command',
              properties: {
                command: { type: 'string', 'x-console-widget': 'textarea' },
              },
            },
          ],
        },
      },
    });
    expect(problems).toEqual([]);
    expect(uiSchema.tags).toEqual({ items: { 'ui:placeholder': 'tag' } });
    expect(uiSchema.jobs).toEqual({
      additionalProperties: {
        schedule: { 'ui:widget': 'cron' },
        'ui:order': ['schedule', '*'],
      },
    });
    expect(uiSchema.probe).toEqual({
      oneOf: [
        { path: {}, 'ui:order': ['path', '*'] },
        { command: { 'ui:widget': 'textarea' }, 'ui:order': ['command', '*'] },
      ],
    });
  });

  it('reports unknown annotations with a suggestion, and where they are', () => {
    const { problems } = compileAnnotations({
      type: 'object',
      properties: {
        image: {
          type: 'string',
          'x-console-widgte': 'image',
          'x-console-frobnicate': 1,
        },
      },
    });
    expect(problems).toEqual([
      expect.objectContaining({
        path: '/properties/image/x-console-widgte',
        severity: 'error',
        message: expect.stringContaining('did you mean `x-console-widget`'),
      }),
      expect.objectContaining({
        path: '/properties/image/x-console-frobnicate',
        severity: 'error',
        message: expect.stringMatching(
          /^Unknown annotation `x-console-frobnicate`\. Known:/,
        ),
      }),
    ]);
  });

  it('reports wrong values, widgets that do not fit the type, and foreign keywords', () => {
    const { problems } = compileAnnotations({
      type: 'object',
      'x-backstage-review': { show: false },
      properties: {
        a: { type: 'string', 'x-console-widget': 'imgae' },
        b: { type: 'integer', 'x-console-widget': 'key-value' },
        c: { type: 'string', 'x-console-order': 'first' },
        d: { type: 'string', 'x-console-enum-labels': { x: 'X' } },
        e: { enum: ['x'], 'x-console-enum-labels': { y: 'Y' } },
        f: { 'x-console-errors': { pattern: 5 } },
        f2: { type: 'integer', 'x-console-errors': { maximun: 'Too big.' } },
        g: {
          properties: { h: { 'x-console-feature': 'humanitec/containers' } },
        },
      },
      $defs: { broken: { 'x-console-hiden': true } },
    });
    expect(problems.map((p) => [p.severity, p.path])).toEqual([
      ['warning', '/x-backstage-review'],
      ['error', '/properties/a/x-console-widget'],
      ['error', '/properties/b/x-console-widget'],
      ['error', '/properties/c/x-console-order'],
      ['error', '/properties/d/x-console-enum-labels'],
      ['error', '/properties/e/x-console-enum-labels/y'],
      ['error', '/properties/f/x-console-errors'],
      ['error', '/properties/f2/x-console-errors/maximun'],
      ['error', '/properties/g/properties/h/x-console-feature'],
      ['error', '/$defs/broken/x-console-hiden'],
    ]);
    expect(problems[1].message).toContain('did you mean "image"');
    expect(problems[7].message).toBe(
      '`maximun` is not a validation keyword, so this message is never shown: did you mean `maximum`? Messages are keyed by the keyword that fails, e.g. pattern, minimum, required.',
    );
    expect(problems[2].message).toBe(
      'The widget "key-value" fits object values, but this field is integer.',
    );
  });

  it('accepts x-console-feature on top-level properties only', () => {
    expect(
      compileAnnotations({
        properties: {
          containers: { 'x-console-feature': 'humanitec/containers' },
        },
      }).problems,
    ).toEqual([]);
  });

  it('does not loop on recursive references', () => {
    const { uiSchema } = compileAnnotations({
      type: 'object',
      properties: {
        child: { $ref: '#' },
        name: { type: 'string', 'x-console-help': 'h' },
      },
    });
    expect(uiSchema.name).toEqual({ 'ui:help': 'h' });
  });

  it('documents every widget and annotation', () => {
    for (const entry of [
      ...Object.values(WIDGETS),
      ...Object.values(ANNOTATIONS),
    ])
      expect(entry.description.length).toBeGreaterThan(10);
    expect(closest('x-console-oder', Object.keys(ANNOTATIONS))).toBe(
      'x-console-order',
    );
    expect(closest('zzz', ['image'])).toBeUndefined();
  });
});
