import { describe, expect, it } from 'vitest';
import { MASK } from '@/lib/diff/masking';
import { maskSecrets, secretPointers, withoutTypedSecrets } from './secrets';

const schema = {
  type: 'object',
  properties: {
    token: { type: 'string', 'x-console-widget': 'secret' },
    creds: { type: 'object', additionalProperties: { $ref: '#/$defs/secret' } },
    list: {
      type: 'array',
      items: {
        type: 'object',
        properties: { key: { 'x-console-widget': 'secret' } },
      },
    },
  },
  then: { properties: { extra: { 'x-console-widget': 'secret' } } },
  $defs: { secret: { type: 'string', 'x-console-widget': 'secret' } },
};

describe('secrets', () => {
  it('finds secret values through properties, maps, lists, branches and refs', () => {
    const data = {
      token: 't',
      creds: { a: 'x' },
      list: [{ key: 'k' }],
      extra: 'e',
      plain: 'p',
    };
    expect([...secretPointers(schema, data)].sort()).toEqual([
      '/creds/a',
      '/extra',
      '/list/0/key',
      '/token',
    ]);
    expect(maskSecrets(schema, data)).toEqual({
      token: MASK,
      creds: { a: MASK },
      list: [{ key: MASK }],
      extra: MASK,
      plain: 'p',
    });
  });

  it('keeps no typed secret in a draft: a typed field keeps what is saved, a cleared one stays cleared', () => {
    const ref = '${secrets.wl.api.token.0123456789abcdef01234567}';
    const saved = { token: ref, creds: { a: ref }, plain: 'p' };
    expect(
      withoutTypedSecrets(
        schema,
        {
          token: 'typed-1',
          creds: { a: ref, b: 'typed-2' },
          list: [{ key: 'typed-3' }],
          plain: 'edited',
        },
        saved,
      ),
    ).toEqual({
      token: ref,
      creds: { a: ref },
      list: [{}],
      plain: 'edited',
    });
    expect(withoutTypedSecrets(schema, { creds: {} }, saved)).toEqual({
      creds: {},
    });
  });
});
