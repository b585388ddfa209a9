import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { canonicalYaml, sortKeysDeep } from './canonical-yaml';
import type { JsonValue } from '../json-schema/pointer';

/** The same object with its keys written in reverse order, at every depth. */
function reversed(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .map((k) => [k, reversed(value[k])]),
  );
}

describe('canonical YAML', () => {
  it('writes keys in a stable, sorted order at every depth and keeps array order', () => {
    const text = canonicalYaml({
      spec: { replicas: 2, containers: { web: { image: 'a', id: 'web' } } },
      profile: 'p',
      externals: {},
      list: [3, 1, 2],
    });
    expect(text).toBe(
      [
        'externals: {}',
        'list:',
        '  - 3',
        '  - 1',
        '  - 2',
        'profile: p',
        'spec:',
        '  containers:',
        '    web:',
        '      id: web',
        '      image: a',
        '  replicas: 2',
        '',
      ].join('\n'),
    );
  });

  it('gives the same text whatever order the keys were written in, and round-trips (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const value = JSON.parse(JSON.stringify(raw)) as JsonValue;
        const text = canonicalYaml(value);
        expect(canonicalYaml(reversed(value))).toBe(text);
        expect(parse(text)).toEqual(sortKeysDeep(value));
      }),
      { numRuns: 200 },
    );
  });

  it('writes shared objects out in full (no anchors or aliases) and never folds long lines', () => {
    const probe = { path: '/healthz', port: 8080 };
    const long = 'x'.repeat(300);
    const text = canonicalYaml({
      liveness: probe,
      readiness: probe,
      command: long,
    });
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text.match(/path: \/healthz/g)).toHaveLength(2);
    expect(text).toContain(`command: ${long}\n`);
  });

  it('quotes strings that would read as other types, and keeps HTML as plain text', () => {
    const text = canonicalYaml({
      a: '123',
      b: 'true',
      c: '<script>alert(1)</script>',
      d: 'a: b',
    });
    expect(parse(text)).toEqual({
      a: '123',
      b: 'true',
      c: '<script>alert(1)</script>',
      d: 'a: b',
    });
  });

  it('is empty for a missing value', () => {
    expect(canonicalYaml(undefined)).toBe('');
  });
});

describe('canonical YAML of hostile keys', () => {
  it('keeps a `__proto__` key as data', () => {
    const value = JSON.parse('{"__proto__": [1], "a": 1}') as JsonValue;
    expect(parse(canonicalYaml(value))).toEqual(value);
    expect(canonicalYaml(value)).toContain('__proto__');
  });
});
