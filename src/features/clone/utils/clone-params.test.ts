import { describe, expect, it } from 'vitest';
import {
  byPromotionOrder,
  readCloneParams,
  toRequest,
  writeCloneParams,
} from './clone-params';

describe('clone URL params', () => {
  it('round-trips the state and keeps an explicit empty selection apart from none chosen', () => {
    const params = readCloneParams(
      new URLSearchParams(
        'from=development&to=staging&modules=api,cart&shared=',
      ),
    );
    expect(params).toEqual({
      from: 'development',
      deploy: undefined,
      to: 'staging',
      mode: 'partial',
      modules: ['api', 'cart'],
      shared: [],
    });
    expect(writeCloneParams(params)).toBe(
      'from=development&to=staging&modules=api,cart&shared=',
    );
    expect(readCloneParams(new URLSearchParams('from=a')).modules).toBeNull();
  });

  it('builds the preview request, falling back to the proposed selection; full clones send none', () => {
    const fallback = { modules: ['web'], shared: ['db'] };
    expect(
      toRequest(readCloneParams(new URLSearchParams('from=a')), fallback),
    ).toBeUndefined();
    expect(
      toRequest(readCloneParams(new URLSearchParams('from=a&to=b')), fallback),
    ).toMatchObject({ modules: ['web'], shared: ['db'] });
    expect(
      toRequest(
        readCloneParams(new URLSearchParams('from=a&to=b&mode=full&modules=x')),
        fallback,
      ),
    ).toMatchObject({ mode: 'full', modules: [] });
  });

  it('orders environments development → staging → production, others last', () => {
    const envs = [
      { id: 'prod', type: 'production' },
      { id: 'qa', type: 'qa' },
      { id: 'dev', type: 'development' },
      { id: 'stage', type: 'staging' },
    ];
    expect(byPromotionOrder(envs).map((e) => e.id)).toEqual([
      'dev',
      'stage',
      'prod',
      'qa',
    ]);
  });
});
