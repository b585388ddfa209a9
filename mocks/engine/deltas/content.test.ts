import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyPlainDelta, mergeDeltas, simplifyPatchOps } from './content';
import { EngineError } from '../core/errors';
import type {
  DeltaInput,
  Module,
  PatchOp,
  PlainDelta,
} from '../core/model/spec';
import { applyPatchOps } from '../core/json-pointer';
import { diffJson } from '../sets/ops';
import { jsonObjectArb } from '../../fixtures/test-arbitraries';

const mod = (image: string): Module => ({
  profile: 'humanitec/default-module',
  spec: { containers: { main: { image } } },
  externals: {},
});
const replaceImage = (image: string): PatchOp => ({
  op: 'replace',
  path: '/spec/containers/main/image',
  value: image,
});

function delta(
  parts: Partial<PlainDelta['modules']> & { shared?: PatchOp[] },
): PlainDelta {
  return {
    modules: {
      add: parts.add ?? {},
      remove: parts.remove ?? [],
      update: parts.update ?? {},
    },
    shared: parts.shared ?? [],
  };
}

describe('mergeDeltas', () => {
  it.each<[string, PlainDelta, DeltaInput[], PlainDelta]>([
    [
      'an add replaces an earlier add',
      delta({ add: { api: mod('a:1') } }),
      [{ modules: { add: { api: mod('a:2') } } }],
      delta({ add: { api: mod('a:2') } }),
    ],
    [
      'an add drops earlier updates of the workload',
      delta({ update: { api: [replaceImage('a:1')] } }),
      [{ modules: { add: { api: mod('a:2') } } }],
      delta({ add: { api: mod('a:2') } }),
    ],
    [
      'a null add takes the id out of remove',
      delta({ remove: ['api', 'web'] }),
      [{ modules: { add: { api: null } } }],
      delta({ remove: ['web'] }),
    ],
    [
      'remove lists are unioned',
      delta({ remove: ['api'] }),
      [{ modules: { remove: ['web', 'api'] } }],
      delta({ remove: ['api', 'web'] }),
    ],
    [
      'a remove drops the add and updates',
      delta({
        add: { api: mod('a:1') },
        update: { web: [replaceImage('w:1')] },
      }),
      [{ modules: { remove: ['api', 'web'] } }],
      delta({ remove: ['api', 'web'] }),
    ],
    [
      'updates of an added workload are folded into it',
      delta({ add: { api: mod('a:1') } }),
      [{ modules: { update: { api: [replaceImage('a:2')] } } }],
      delta({ add: { api: mod('a:2') } }),
    ],
    [
      'update lists are concatenated',
      delta({ update: { api: [{ op: 'add', path: '/spec/x', value: 1 }] } }),
      [
        {
          modules: {
            update: { api: [{ op: 'add', path: '/spec/y', value: 2 }] },
          },
        },
      ],
      delta({
        update: {
          api: [
            { op: 'add', path: '/spec/x', value: 1 },
            { op: 'add', path: '/spec/y', value: 2 },
          ],
        },
      }),
    ],
    [
      'later ops on the same path win',
      delta({ update: { api: [replaceImage('a:1')] } }),
      [
        { modules: { update: { api: [replaceImage('a:2')] } } },
        { modules: { update: { api: [replaceImage('a:3')] } } },
      ],
      delta({ update: { api: [replaceImage('a:3')] } }),
    ],
    [
      'shared lists are concatenated',
      delta({ shared: [{ op: 'add', path: '/dns', value: { type: 'dns' } }] }),
      [{ shared: [{ op: 'add', path: '/db', value: { type: 'postgres' } }] }],
      delta({
        shared: [
          { op: 'add', path: '/dns', value: { type: 'dns' } },
          { op: 'add', path: '/db', value: { type: 'postgres' } },
        ],
      }),
    ],
    [
      'a delta-scoped remove undoes earlier ops',
      delta({ shared: [{ op: 'add', path: '/dns', value: { type: 'dns' } }] }),
      [{ shared: [{ op: 'remove', path: '/dns', value: { scope: 'delta' } }] }],
      delta({}),
    ],
    [
      'no inputs normalises the base',
      delta({ update: { api: [] } }),
      [],
      delta({}),
    ],
  ])('%s', (_name, base, inputs, expected) => {
    const before = JSON.stringify(base);
    expect(mergeDeltas(base, inputs)).toEqual(expected);
    expect(JSON.stringify(base)).toBe(before);
  });

  it('rejects an update that does not fit the workload it is folded into', () => {
    const call = () =>
      mergeDeltas(delta({ add: { api: mod('a:1') } }), [
        {
          modules: {
            update: {
              api: [
                {
                  op: 'replace',
                  path: '/spec/containers/web/image',
                  value: 'x',
                },
              ],
            },
          },
        },
      ]);
    expect(call).toThrow(EngineError);
    expect(call).toThrow(
      /Delta 1 of 1: workload `api`.*`\/spec\/containers\/web\/image`/,
    );
  });

  it.each<[string, unknown, RegExp]>([
    ['a non-object delta', 'nope', /must be a JSON object/],
    [
      'a bad workload id',
      { modules: { add: { 'Bad Id': mod('x') } } },
      /workload id "Bad Id" is not valid/,
    ],
    [
      'remove that is not a list',
      { modules: { remove: 'api' } },
      /`modules.remove` must be a list/,
    ],
    [
      'an update that is not a list',
      { modules: { update: { api: { op: 'add' } } } },
      /update of workload `api` must be a list/,
    ],
    [
      'a workload without spec object',
      { modules: { add: { api: { profile: 'p', spec: [] } } } },
      /`spec` must be an object/,
    ],
    [
      'an unknown workload field',
      { modules: { add: { api: { profile: 'p', image: 'x' } } } },
      /unknown field `image`/,
    ],
    [
      'a resource without type',
      { modules: { add: { api: { externals: { db: {} } } } } },
      /externals.db.*`type`/,
    ],
  ])('rejects %s', (_name, input, message) => {
    expect(() => mergeDeltas(emptyPlainDelta(), [input as DeltaInput])).toThrow(
      message,
    );
  });
});

describe('simplifyPatchOps', () => {
  it.each<[string, PatchOp[], PatchOp[]]>([
    [
      'replace after replace',
      [
        { op: 'replace', path: '/a', value: 1 },
        { op: 'replace', path: '/a', value: 2 },
      ],
      [{ op: 'replace', path: '/a', value: 2 }],
    ],
    [
      'add then replace becomes add',
      [
        { op: 'add', path: '/a', value: 1 },
        { op: 'replace', path: '/a', value: 2 },
      ],
      [{ op: 'add', path: '/a', value: 2 }],
    ],
    [
      'ops beneath a later add are dropped',
      [
        { op: 'add', path: '/a/b', value: 1 },
        { op: 'remove', path: '/a/c' },
        { op: 'add', path: '/a', value: {} },
      ],
      [{ op: 'add', path: '/a', value: {} }],
    ],
    [
      'replace then remove becomes remove',
      [
        { op: 'replace', path: '/a', value: 1 },
        { op: 'remove', path: '/a' },
      ],
      [{ op: 'remove', path: '/a' }],
    ],
    [
      'add then remove is kept (the path may have existed)',
      [
        { op: 'add', path: '/a', value: 1 },
        { op: 'remove', path: '/a' },
      ],
      [
        { op: 'add', path: '/a', value: 1 },
        { op: 'remove', path: '/a' },
      ],
    ],
    [
      'remove then replace is kept (it fails)',
      [
        { op: 'remove', path: '/a' },
        { op: 'replace', path: '/a', value: 1 },
      ],
      [
        { op: 'remove', path: '/a' },
        { op: 'replace', path: '/a', value: 1 },
      ],
    ],
    [
      'array positions are never merged',
      [
        { op: 'add', path: '/l/0', value: 1 },
        { op: 'add', path: '/l/0', value: 2 },
      ],
      [
        { op: 'add', path: '/l/0', value: 1 },
        { op: 'add', path: '/l/0', value: 2 },
      ],
    ],
    [
      'an op on an ancestor stops merging',
      [
        { op: 'add', path: '/a', value: { b: 1 } },
        { op: 'replace', path: '/a/b', value: 2 },
      ],
      [
        { op: 'add', path: '/a', value: { b: 1 } },
        { op: 'replace', path: '/a/b', value: 2 },
      ],
    ],
    [
      'unrelated paths are kept in order',
      [
        { op: 'add', path: '/a', value: 1 },
        { op: 'add', path: '/b', value: 2 },
      ],
      [
        { op: 'add', path: '/a', value: 1 },
        { op: 'add', path: '/b', value: 2 },
      ],
    ],
  ])('%s', (_name, ops, expected) => {
    expect(simplifyPatchOps(ops)).toEqual(expected);
  });

  it('keeps the effect of chained diffs (property)', () => {
    fc.assert(
      fc.property(jsonObjectArb, jsonObjectArb, jsonObjectArb, (x, y, z) => {
        const ops = [...diffJson(x, y), ...diffJson(y, z)];
        const target = { subject: 'Doc' };
        expect(applyPatchOps(x, simplifyPatchOps(ops), target)).toEqual(
          applyPatchOps(x, ops, target),
        );
        expect(applyPatchOps(x, ops, target)).toEqual(z);
      }),
      { numRuns: 300 },
    );
  });
});
