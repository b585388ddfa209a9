import { describe, expect, it } from 'vitest';
import {
  isSecretReference,
  secretFields,
  secretFieldsAt,
  secretReference,
} from './secrets';

const password = { type: 'string', 'x-console-widget': 'secret' };
const schema = {
  type: 'object',
  properties: {
    database: {
      type: 'object',
      properties: { host: { type: 'string' }, password },
    },
    tokens: { type: 'object', additionalProperties: { $ref: '#/$defs/s' } },
    keys: {
      type: 'array',
      prefixItems: [password],
      items: { type: 'object', properties: { key: password } },
    },
  },
  $defs: { s: password },
};

describe('secret fields of a schema', () => {
  it('knows a reference from a value', () => {
    expect(secretReference('wl.api.password.abc')).toBe(
      '${secrets.wl.api.password.abc}',
    );
    expect(isSecretReference('${secrets.wl.api.password.abc}')).toBe(true);
    expect(isSecretReference('${secrets.db-password}')).toBe(true);
    expect(isSecretReference('x ${secrets.db-password}')).toBe(false);
    expect(isSecretReference('${shared.db.host}')).toBe(false);
    expect(isSecretReference('hunter2')).toBe(false);
    expect(isSecretReference(undefined)).toBe(false);
  });

  it('finds the secret fields of data, with their schemas (prefixItems, items, maps, $ref)', () => {
    const fields = secretFields(schema, {
      database: { host: 'h', password: 'p' },
      tokens: { github: 'g' },
      keys: ['first', { key: 'k' }],
    });
    expect([...fields.keys()].sort()).toEqual([
      '/database/password',
      '/keys/0',
      '/keys/1/key',
      '/tokens/github',
    ]);
    expect(fields.get('/tokens/github')).toEqual(password);
  });

  it('finds the secret fields of a value written at a pointer (a patch operation)', () => {
    const at = (pointer: string, value: unknown) => [
      ...secretFieldsAt(schema, pointer, value).keys(),
    ];
    expect(at('/database/password', 'p')).toEqual(['']);
    expect(at('/database', { host: 'h', password: 'p' })).toEqual([
      '/password',
    ]);
    expect(at('', { tokens: { a: 'x', b: 'y' } })).toEqual([
      '/tokens/a',
      '/tokens/b',
    ]);
    expect(at('/tokens/new', 'x')).toEqual(['']);
    expect(at('/keys/-', { key: 'k' })).toEqual(['/key']);
    expect(at('/keys/0', 'k')).toEqual(['']);
    expect(at('/database/host', 'h')).toEqual([]);
    expect(at('/nothing/here', { password: 'p' })).toEqual([]);
    expect(at('not a pointer', 'p')).toEqual([]);
  });
});
