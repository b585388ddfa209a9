import { describe, expect, it } from 'vitest';
import { compileAnnotations } from './schema-annotations';
import { ANNOTATED_SCHEMA_META } from './schema-annotations-meta';

const limits = {
  type: 'object',
  properties: {
    requests: { type: 'object', properties: { cpu: { type: 'string' } } },
    limits: { type: 'object', properties: { cpu: { type: 'string' } } },
    image: { type: 'string' },
    script: { type: 'string' },
  },
};

const problemsOf = (rules: unknown, schema: object = limits) =>
  compileAnnotations({ ...schema, 'x-console-rules': rules }).problems.map(
    (p) => [p.severity, p.path, p.message],
  );

describe('x-console-rules in the annotation checker (issue 18)', () => {
  it('accepts well-formed rules', () => {
    expect(
      problemsOf([
        {
          rule: 'compare',
          field: '/limits/cpu',
          op: '>=',
          than: '/requests/cpu',
          as: 'cpu',
          message: 'The limit cannot be below the request.',
        },
        { rule: 'exactly-one', fields: ['/image', '/script'] },
        { rule: 'at-most-one', fields: ['/image', '/script'] },
      ]),
    ).toEqual([]);
  });

  it('flags typos in keys and rule names, with a suggestion', () => {
    expect(
      problemsOf([
        { rule: 'exactly-one', feilds: ['/image', '/script'] },
        { rule: 'exactly-once', fields: ['/image', '/script'] },
      ]),
    ).toEqual([
      [
        'error',
        '/x-console-rules/0/feilds',
        'Unknown key `feilds` in a rule: did you mean `fields`? Known: rule, field, op, than, as, fields, message.',
      ],
      ['error', '/x-console-rules/0', 'The "exactly-one" rule needs `fields`.'],
      [
        'error',
        '/x-console-rules/1/rule',
        'Unknown rule "exactly-once" (did you mean "exactly-one"?); known: compare, exactly-one, at-most-one, at-least-one.',
      ],
    ]);
  });

  it('flags wrong values, keys of another kind of rule, and fields the object does not declare', () => {
    expect(
      problemsOf([
        {
          rule: 'compare',
          field: 'limits/cpu',
          op: '=>',
          than: '/requests/gpu',
          as: 'gpu',
          fields: ['/image'],
        },
        { rule: 'at-least-one', fields: ['/image'] },
      ]),
    ).toEqual([
      [
        'error',
        '/x-console-rules/0/fields',
        '`fields` does not apply to a "compare" rule (it takes field, op, than, as, message).',
      ],
      [
        'error',
        '/x-console-rules/0/op',
        '`op` must be one of >= > <= < == !=; got "=>".',
      ],
      [
        'error',
        '/x-console-rules/0/as',
        '`as` must be one of number, cpu, memory; got "gpu".',
      ],
      [
        'error',
        '/x-console-rules/0/field',
        'A rule names a field by a JSON pointer relative to this object, such as "/limits/cpu"; got "limits/cpu".',
      ],
      [
        'warning',
        '/x-console-rules/0/than',
        '"/requests/gpu" is not a property declared under this object\'s `properties`, so the rule may never see a value.',
      ],
      [
        'error',
        '/x-console-rules/1/fields',
        '`fields` must list at least two fields.',
      ],
    ]);
  });

  it('wants a list, on an object', () => {
    expect(problemsOf({ rule: 'exactly-one' })).toEqual([
      [
        'error',
        '/x-console-rules',
        '`x-console-rules` must be a non-empty list of rules; got {"rule":"exactly-one"}.',
      ],
    ]);
    expect(
      compileAnnotations({
        type: 'string',
        'x-console-rules': [{ rule: 'exactly-one', fields: ['/a', '/b'] }],
      }).problems.map((p) => p.message),
    ).toEqual(['`x-console-rules` only applies to an object.']);
  });

  it("is offered by the designer's completion", () => {
    const properties = (
      ANNOTATED_SCHEMA_META.definitions.schema.properties as Record<
        string,
        { items?: { properties?: Record<string, unknown> } }
      >
    )['x-console-rules'];
    expect(Object.keys(properties.items?.properties ?? {})).toEqual([
      'rule',
      'field',
      'op',
      'than',
      'as',
      'fields',
      'message',
    ]);
  });
});
