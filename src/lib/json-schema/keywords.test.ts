import { describe, expect, it } from 'vitest';
import { validationIssues } from './schema-validator';

const sidecars = {
  type: 'object',
  properties: {
    sidecars: {
      type: 'array',
      'x-console-unique-by': 'name',
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, image: { type: 'string' } },
      },
    },
    tags: { type: 'array', uniqueItems: true, items: { type: 'string' } },
  },
};

describe('x-console-unique-by (the engine and the form share this validator)', () => {
  it('refuses two items with the same value of the property, in plain words', () => {
    expect(
      validationIssues(sidecars, {
        sidecars: [
          { name: 'proxy', image: 'envoy:1' },
          { name: 'logs', image: 'fluentbit:2' },
          { name: 'proxy', image: 'envoy:2' },
        ],
      }),
    ).toEqual([
      {
        path: '/sidecars',
        keyword: 'x-console-unique-by',
        message:
          'must not have two items with the same name ("proxy" in items 1 and 3)',
      },
    ]);
  });

  it('accepts different values and items without the property, and compares combinations', () => {
    expect(
      validationIssues(sidecars, {
        sidecars: [{ name: 'proxy' }, { name: 'logs' }, { image: 'x' }, {}],
      }),
    ).toEqual([]);
    const both = {
      type: 'array',
      'x-console-unique-by': ['name', 'protocol'],
      items: { type: 'object' },
    };
    expect(
      validationIssues(both, [
        { name: 'http', protocol: 'TCP' },
        { name: 'http', protocol: 'UDP' },
      ]),
    ).toEqual([]);
    expect(
      validationIssues(both, [
        { name: 'http', protocol: 'TCP' },
        { name: 'http', protocol: 'TCP' },
      ])[0].message,
    ).toBe(
      'must not have two items with the same name and protocol ("http", "TCP" in items 1 and 2)',
    );
  });

  it('shows the message the schema declares for it (or for uniqueItems), and words uniqueItems plainly', () => {
    const declared = (errors: object) => ({
      type: 'array',
      'x-console-unique-by': 'name',
      'x-console-errors': errors,
      items: { type: 'object' },
    });
    const twice = [{ name: 'a' }, { name: 'a' }];
    expect(
      validationIssues(
        declared({ 'x-console-unique-by': 'Sidecar names must differ.' }),
        twice,
      )[0].message,
    ).toBe('Sidecar names must differ.');
    expect(
      validationIssues(declared({ uniqueItems: 'No twins.' }), twice)[0]
        .message,
    ).toBe('No twins.');
    expect(validationIssues(sidecars, { tags: ['a', 'b', 'a'] })).toEqual([
      {
        path: '/tags',
        keyword: 'uniqueItems',
        message: 'must not contain duplicates (items 1 and 3 are equal)',
      },
    ]);
  });
});
