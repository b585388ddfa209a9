import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/errors';
import type { Json } from '../core/model/spec';
import { applySetDelta } from './ops';
import { sampleSet as base } from '../../fixtures/test-arbitraries';

describe('applySetDelta', () => {
  it('removes, adds (replacing), then updates; honours array indices and -', () => {
    const result = applySetDelta(base, {
      modules: {
        remove: ['api', 'not-there'],
        add: {
          api: {
            profile: 'humanitec/default-module',
            spec: { list: [1, 3] },
            externals: {},
          },
        },
        update: {
          api: [
            { op: 'add', path: '/spec/list/1', value: 2 },
            { op: 'add', path: '/spec/list/-', value: 4 },
            { op: 'replace', path: '/spec/list/0', value: 0 },
            { op: 'remove', path: '/spec/list/3' },
          ],
        },
      },
    });
    expect(result.modules.api.spec).toEqual({ list: [0, 2, 3] });
    expect(result.shared).toEqual(base.shared);
  });

  it.each([
    {
      name: 'an update of a missing workload',
      delta: {
        modules: {
          update: {
            ghost: [{ op: 'replace' as const, path: '/profile', value: 'x' }],
          },
        },
      },
      text: ['`ghost`', '`/profile`'],
      path: '/profile',
    },
    {
      name: 'a replace of a missing path',
      delta: {
        modules: {
          update: {
            api: [
              {
                op: 'replace' as const,
                path: '/spec/containers/web/image',
                value: 'x',
              },
            ],
          },
        },
      },
      text: [
        'Workload `api`',
        '`/spec/containers/web/image`',
        'does not exist',
      ],
      path: '/spec/containers/web/image',
    },
    {
      name: 'a remove of a missing path',
      delta: {
        modules: {
          update: { api: [{ op: 'remove' as const, path: '/spec/nope' }] },
        },
      },
      text: ['Workload `api`', 'cannot remove `/spec/nope`'],
      path: '/spec/nope',
    },
    {
      name: 'an array index out of range',
      delta: {
        modules: {
          update: {
            api: [
              {
                op: 'add' as const,
                path: '/spec/containers/api/args/5',
                value: 'x',
              },
            ],
          },
        },
      },
      text: ['index 5 is out of range', 'the array has 1 items'],
      path: '/spec/containers/api/args/5',
    },
    {
      name: '`-` with replace',
      delta: {
        modules: {
          update: {
            api: [
              {
                op: 'replace' as const,
                path: '/spec/containers/api/args/-',
                value: 'x',
              },
            ],
          },
        },
      },
      text: ['can only be used with add'],
      path: '/spec/containers/api/args/-',
    },
    {
      name: 'a path through a string',
      delta: {
        modules: {
          update: {
            api: [{ op: 'add' as const, path: '/profile/x', value: 1 }],
          },
        },
      },
      text: ['not an object or array'],
      path: '/profile/x',
    },
    {
      name: 'a workload losing its profile',
      delta: {
        modules: {
          update: { api: [{ op: 'remove' as const, path: '/profile' }] },
        },
      },
      text: ['Workload `api`', '`profile`'],
      path: '/profile',
    },
    {
      name: 'a shared replace of a missing resource',
      delta: {
        shared: [
          { op: 'replace' as const, path: '/cache/type', value: 'redis' },
        ],
      },
      text: ['Shared resources', '`/cache/type`'],
      path: '/cache/type',
    },
    {
      name: 'an unsupported op',
      delta: {
        modules: {
          update: { api: [{ op: 'move', path: '/spec/x', from: '/spec/y' }] },
        },
      },
      text: ['`move`', 'not supported'],
      path: '/spec/x',
    },
    {
      name: 'a path that is not a pointer',
      delta: {
        modules: { update: { api: [{ op: 'add', path: 'spec/x', value: 1 }] } },
      },
      text: ['JSON pointer'],
      path: 'spec/x',
    },
  ])('rejects $name with invalid, naming the path', ({ delta, text, path }) => {
    let error: unknown;
    try {
      applySetDelta(base, delta as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EngineError);
    const engineError = error as EngineError;
    expect(engineError.code).toBe('invalid');
    expect(engineError.error).toBe('API-400');
    for (const part of text) expect(engineError.message).toContain(part);
    expect(engineError.details?.path).toBe(path);
  });

  it('checks only what the delta touches, but refuses a value nested too deep where it lands', () => {
    const nested = (levels: number): Json => {
      let value: Json = 'leaf';
      for (let i = 0; i < levels; i += 1) value = { x: value };
      return value;
    };
    // Lands at depth 3 (/spec/a/b): 61 more levels fit under the limit of 64, 62 do not.
    const deep = (levels: number) => ({
      modules: {
        update: {
          api: [
            { op: 'add' as const, path: '/spec/a', value: {} },
            { op: 'add' as const, path: '/spec/a/b', value: nested(levels) },
          ],
        },
      },
    });
    expect(applySetDelta(base, deep(61)).modules.api.spec.a).toEqual({
      b: nested(61),
    });
    expect(() => applySetDelta(base, deep(62))).toThrow(
      /nested deeper than 64 levels/,
    );
    // As deep as an added workload may be: the same limit.
    expect(() =>
      applySetDelta(base, {
        modules: {
          add: {
            web: {
              profile: 'humanitec/default-module',
              spec: { a: { b: nested(62) } },
              externals: {},
            },
          },
        },
      }),
    ).toThrow(/nested deeper than 64 levels/);
  });

  it('checks the externals and deploy condition an update touches, and shares them when it does not', () => {
    const update = (
      ops: { op: 'add' | 'replace'; path: string; value: Json }[],
    ) => applySetDelta(base, { modules: { update: { api: ops } } });
    expect(() =>
      update([{ op: 'replace', path: '/externals/db/type', value: 5 }]),
    ).toThrow(/externals\.db.*needs a non-empty string `type`/);
    expect(() =>
      update([{ op: 'add', path: '/externals/cache', value: { class: 'x' } }]),
    ).toThrow(/externals\.cache.*needs a non-empty string `type`/);
    expect(() =>
      update([{ op: 'add', path: '/deploy', value: { when: 'never' } }]),
    ).toThrow(/deploy.*when must be "before", "deploy" or "after"/);
    const withDeploy = update([
      { op: 'add', path: '/deploy', value: { when: 'after' } },
    ]);
    expect(withDeploy.modules.api.deploy).toEqual({ when: 'after' });
    const next = applySetDelta(withDeploy, {
      modules: {
        update: {
          api: [{ op: 'replace', path: '/profile', value: 'acme/worker' }],
        },
      },
    });
    expect(next.modules.api.externals).toBe(withDeploy.modules.api.externals);
    expect(next.modules.api.deploy).toBe(withDeploy.modules.api.deploy);
  });

  it("puts copies of the delta's values in the set: changing the delta afterwards changes nothing", () => {
    const value = { memory: '1Gi' };
    const delta = {
      modules: {
        update: {
          api: [
            {
              op: 'add' as const,
              path: '/spec/containers/api/resources',
              value,
            },
            {
              op: 'add' as const,
              path: '/spec/containers/api/resources/cpu',
              value: '1',
            },
          ],
        },
      },
    };
    const result = applySetDelta(base, delta);
    expect(value).toEqual({ memory: '1Gi' });
    value.memory = 'changed';
    expect(
      (
        result.modules.api.spec.containers as Record<
          string,
          Record<string, unknown>
        >
      ).api.resources,
    ).toEqual({ memory: '1Gi', cpu: '1' });
  });

  it('shares the parts of a workload its update does not touch, and never changes the base set', () => {
    const before = JSON.stringify(base);
    const result = applySetDelta(base, {
      modules: {
        update: {
          api: [
            {
              op: 'replace',
              path: '/spec/containers/api/image',
              value: 'reg/api:2',
            },
          ],
        },
      },
    });
    expect(JSON.stringify(base)).toBe(before);
    const api = result.modules.api;
    expect(api.externals).toEqual(base.modules.api.externals);
    expect(
      (api.spec.containers as Record<string, Record<string, unknown>>).api
        .variables,
    ).toBe(
      (
        base.modules.api.spec.containers as Record<
          string,
          Record<string, unknown>
        >
      ).api.variables,
    );
    expect(result.shared.dns).toBe(base.shared.dns);
  });
});
