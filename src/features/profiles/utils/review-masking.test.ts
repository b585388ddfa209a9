import { describe, expect, it } from 'vitest';
import type { DeploymentSet, PlainDelta } from '@/api/types';
import { MASK, MASK_CHANGED } from '@/lib/diff/masking';
import { maskProfileSecrets } from './review-masking';

const schema = {
  type: 'object',
  properties: {
    apiKey: { type: 'string', 'x-console-widget': 'secret' },
    region: { type: 'string' },
    pin: { type: 'string', 'x-console-widget': 'secret' },
  },
};
const set = (spec: Record<string, unknown>) =>
  ({
    id: 's',
    modules: { api: { profile: 'acme/x', spec, externals: {} } },
    shared: {},
  }) as unknown as DeploymentSet;

describe('maskProfileSecrets', () => {
  it('hides the secret fields of the profile in both sets and the delta, keeping the fact that one changed', () => {
    const delta = {
      modules: {
        add: {},
        remove: [],
        update: {
          api: [
            { op: 'replace', path: '/spec/apiKey', value: 'new-key-123' },
            { op: 'replace', path: '/spec/region', value: 'eu' },
          ],
        },
      },
      shared: [],
    } as PlainDelta;
    const masked = maskProfileSecrets(schema, 'api', {
      from: set({ apiKey: 'old-key-999', region: 'us', pin: '1234' }),
      to: set({ apiKey: 'new-key-123', region: 'eu', pin: '1234' }),
      delta,
    });
    expect(masked.from.modules.api).toMatchObject({
      spec: { apiKey: MASK, region: 'us', pin: MASK },
    });
    expect(masked.to.modules.api).toMatchObject({
      spec: { apiKey: MASK_CHANGED, region: 'eu', pin: MASK },
    });
    expect(masked.delta.modules.update.api).toEqual([
      { op: 'replace', path: '/spec/apiKey', value: MASK_CHANGED },
      { op: 'replace', path: '/spec/region', value: 'eu' },
    ]);
    expect(JSON.stringify(masked)).not.toMatch(/new-key-123|old-key-999|1234/);
  });
});
