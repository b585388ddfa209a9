import { describe, expect, it } from 'vitest';
import { maskSecrets, SECRET_MASK, secretPointers } from './secrets';

const schema = {
  type: 'object',
  properties: {
    token: { type: 'string', 'x-console-widget': 'secret' },
    creds: { type: 'object', additionalProperties: { $ref: '#/$defs/secret' } },
    list: { type: 'array', items: { type: 'object', properties: { key: { 'x-console-widget': 'secret' } } } },
  },
  then: { properties: { extra: { 'x-console-widget': 'secret' } } },
  $defs: { secret: { type: 'string', 'x-console-widget': 'secret' } },
};

describe('secrets', () => {
  it('finds secret values through properties, maps, lists, branches and refs', () => {
    const data = { token: 't', creds: { a: 'x' }, list: [{ key: 'k' }], extra: 'e', plain: 'p' };
    expect([...secretPointers(schema, data)].sort()).toEqual(['/creds/a', '/extra', '/list/0/key', '/token']);
    expect(maskSecrets(schema, data)).toEqual({ token: SECRET_MASK, creds: { a: SECRET_MASK }, list: [{ key: SECRET_MASK }], extra: SECRET_MASK, plain: 'p' });
  });
});
