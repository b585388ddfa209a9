import { describe, expect, it } from 'vitest';
import { ANNOTATIONS, WIDGETS, compileAnnotations } from './schema-annotations';
import { ANNOTATED_SCHEMA_META } from './schema-annotations-meta';

const problemsOf = (properties: object) =>
  compileAnnotations({ type: 'object', properties }).problems.map((p) => [
    p.severity,
    p.path,
    p.message,
  ]);

describe('annotations of the range, resource, list-item and unique widgets (issue 18)', () => {
  it('compiles them into the uiSchema', () => {
    const { uiSchema, problems } = compileAnnotations({
      type: 'object',
      properties: {
        replicas: {
          type: 'integer',
          minimum: 1,
          maximum: 10,
          'x-console-widget': 'range',
        },
        db: {
          type: 'string',
          'x-console-widget': 'resource-ref',
          'x-console-resource-type': ['postgres', 'mysql'],
          'x-console-resource-class': 'ha',
          'x-console-resource-output': 'host',
        },
        sidecars: {
          type: 'array',
          'x-console-item-title': 'image',
          'x-console-unique-by': 'name',
          items: {
            type: 'object',
            properties: { name: { type: 'string' }, image: { type: 'string' } },
          },
        },
        ports: {
          type: 'array',
          'x-console-widget': 'ports',
          items: { type: 'object', properties: { port: { type: 'integer' } } },
        },
      },
    });
    expect(problems).toEqual([]);
    expect(uiSchema.replicas).toEqual({ 'ui:widget': 'range' });
    expect(uiSchema.db).toEqual({ 'ui:widget': 'resource-ref' });
    expect(uiSchema.sidecars).toMatchObject({
      'ui:options': { itemTitle: 'image' },
    });
    expect(uiSchema.ports).toMatchObject({ 'ui:field': 'ports' });
  });

  it('reports a slider without ends, resource annotations without the picker, and wrong values', () => {
    expect(
      problemsOf({
        a: { type: 'integer', minimum: 0, 'x-console-widget': 'range' },
        b: { type: 'string', 'x-console-widget': 'range' },
        c: { type: 'string', 'x-console-resource-type': 'postgres' },
        d: {
          type: 'string',
          'x-console-widget': 'resource-ref',
          'x-console-resource-type': ['Postgres SQL'],
          'x-console-resource-class': 3,
          'x-console-resource-output': '${host}',
        },
      }),
    ).toEqual([
      [
        'error',
        '/properties/a/x-console-widget',
        'The widget "range" needs a `minimum` and a `maximum` on the field: they are the ends of the slider.',
      ],
      [
        'error',
        '/properties/b/x-console-widget',
        'The widget "range" fits number or integer values, but this field is string.',
      ],
      [
        'error',
        '/properties/c/x-console-resource-type',
        '`x-console-resource-type` only applies to a field with `"x-console-widget": "resource-ref"`.',
      ],
      [
        'error',
        '/properties/d/x-console-resource-type',
        '`x-console-resource-type` must be a resource type such as postgres, or a non-empty list of them; got ["Postgres SQL"].',
      ],
      [
        'error',
        '/properties/d/x-console-resource-class',
        '`x-console-resource-class` must be a resource class such as default or ha; got 3.',
      ],
      [
        'error',
        '/properties/d/x-console-resource-output',
        '`x-console-resource-output` must be an output name such as host or url; got "${host}".',
      ],
    ]);
  });

  it('reports item titles and unique keys outside a list, and properties the items do not have', () => {
    const { problems } = compileAnnotations({
      type: 'object',
      properties: {
        a: { type: 'string', 'x-console-unique-by': 'name' },
        b: {
          type: 'array',
          'x-console-item-title': 'nmae',
          'x-console-unique-by': ['name', 5],
          items: { $ref: '#/$defs/sidecar' },
        },
      },
      $defs: {
        sidecar: { type: 'object', properties: { name: { type: 'string' } } },
      },
    });
    expect(problems.map((p) => [p.severity, p.path, p.message])).toEqual([
      [
        'error',
        '/properties/a/x-console-unique-by',
        '`x-console-unique-by` only applies to a list (an array).',
      ],
      [
        'warning',
        '/properties/b/x-console-item-title',
        'The items have no property "nmae" (did you mean "name"?).',
      ],
      [
        'error',
        '/properties/b/x-console-unique-by',
        '`x-console-unique-by` must be the name of a property of the items, or a list of names; got ["name",5].',
      ],
    ]);
  });

  it('offers every annotation and widget in the designer completion', () => {
    const properties = ANNOTATED_SCHEMA_META.definitions.schema
      .properties as Record<string, { enum?: string[] }>;
    for (const key of Object.keys(ANNOTATIONS))
      expect(Object.keys(properties), key).toContain(key);
    expect(properties['x-console-widget'].enum).toEqual(Object.keys(WIDGETS));
    expect(properties['x-console-widget'].enum).toContain('range');
  });
});
