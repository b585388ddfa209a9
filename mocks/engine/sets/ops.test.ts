import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, EMPTY_SET_ID } from '../core/canonical';
import { mergeDeltas } from '../deltas/content';
import type { DeltaInput, Json, PatchOp, PlainDelta } from '../core/model/spec';
import { applySetDelta, computeSetId, diffSetContents, emptySet } from './ops';
import {
  jsonObjectArb,
  moduleArb,
  resourceArb,
  reverseKeys,
  sampleSet,
  setArb,
} from '../../fixtures/test-arbitraries';
import { referenceSetId } from '../../fixtures/test-set-ids';

const RUNS = { numRuns: 300 };

const base = sampleSet;

function isEmptyDelta(delta: PlainDelta): boolean {
  return (
    Object.keys(delta.modules.add).length === 0 &&
    delta.modules.remove.length === 0 &&
    Object.keys(delta.modules.update).length === 0 &&
    delta.shared.length === 0
  );
}

describe('computeSetId', () => {
  it('gives 43 zeros for the empty set', () => {
    expect(EMPTY_SET_ID).toBe('0000000000000000000000000000000000000000000');
    expect(computeSetId({ modules: {}, shared: {} })).toBe(EMPTY_SET_ID);
    expect(emptySet().id).toBe(EMPTY_SET_ID);
  });

  it("is base64url(SHA-256) of the map of names to each entry's SHA-256, without padding", () => {
    const sha = (text: string) =>
      createHash('sha256').update(text, 'utf8').digest('base64url');
    const api = base.modules.api;
    const dns = base.shared.dns;
    // Written out by hand: the scheme of the engine README ("Set ids").
    const expected = sha(
      `{"modules":{"api":"${sha(canonicalJson(api))}"},"shared":{"dns":"${sha(canonicalJson(dns))}"}}`,
    );
    expect(Object.keys(base.modules)).toEqual(['api']);
    expect(Object.keys(base.shared)).toEqual(['dns']);
    expect(base.id).toBe(expected);
    expect(base.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('equals the id computed the slow way, from scratch (property)', () => {
    fc.assert(
      fc.property(setArb, (set) => {
        expect(set.id).toBe(referenceSetId(set));
        expect(computeSetId(structuredClone(set))).toBe(set.id);
      }),
      RUNS,
    );
  });

  it('writes canonical JSON with sorted keys and no whitespace', () => {
    expect(
      canonicalJson({ b: [1, { d: 'x', c: null }], a: true, u: undefined }),
    ).toBe('{"a":true,"b":[1,{"c":null,"d":"x"}]}');
  });

  it('does not depend on key order (property)', () => {
    fc.assert(
      fc.property(setArb, (set) => {
        const reordered = reverseKeys({
          modules: set.modules,
          shared: set.shared,
        });
        expect(computeSetId(reordered)).toBe(set.id);
        expect(computeSetId(JSON.parse(JSON.stringify(reordered)))).toBe(
          set.id,
        );
      }),
      RUNS,
    );
  });

  it('changes when any value changes', () => {
    const changed = applySetDelta(base, {
      modules: {
        update: {
          api: [
            {
              op: 'replace',
              path: '/spec/containers/api/image',
              value: 'reg/api:1.1',
            },
          ],
        },
      },
    });
    expect(changed.id).not.toBe(base.id);
    expect(changed.id).toHaveLength(43);
  });
});

describe('diffSetContents + applySetDelta (properties)', () => {
  it('applying diff(b, a) to a yields b', () => {
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        const result = applySetDelta(a, diffSetContents(b, a));
        expect(computeSetId(result)).toBe(b.id);
        expect(result).toEqual(b);
      }),
      RUNS,
    );
  });

  it('the diff of a set with itself is empty', () => {
    fc.assert(
      fc.property(setArb, (a) => {
        expect(isEmptyDelta(diffSetContents(a, a))).toBe(true);
        expect(isEmptyDelta(diffSetContents(a, reverseKeys(a)))).toBe(true);
      }),
      RUNS,
    );
  });

  it('merging diff(b, a) with diff(c, b) and applying it to a yields c', () => {
    fc.assert(
      fc.property(setArb, setArb, setArb, (a, b, c) => {
        const merged = mergeDeltas(diffSetContents(b, a), [
          diffSetContents(c, b),
        ]);
        expect(applySetDelta(a, merged).id).toBe(c.id);
      }),
      RUNS,
    );
  });

  it('never changes its inputs', () => {
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        const before = JSON.stringify([a, b]);
        const delta = diffSetContents(b, a);
        const deltaText = JSON.stringify(delta);
        applySetDelta(a, delta);
        expect(JSON.stringify([a, b])).toBe(before);
        expect(JSON.stringify(delta)).toBe(deltaText);
      }),
      { numRuns: 100 },
    );
  });
});

/** A change to one workload (a patch op on it, or the workload replaced or removed) or to one shared resource. */
const changeArb = (set: {
  modules: object;
  shared: object;
}): fc.Arbitrary<DeltaInput> => {
  const ids = Object.keys(set.modules);
  const names = Object.keys(set.shared);
  const pathArb = fc.constantFrom('/spec/replicas', '/spec/labels', '/spec/x');
  const workload =
    ids.length === 0
      ? []
      : [
          fc
            .record({
              id: fc.constantFrom(...ids),
              op: fc.oneof(
                fc
                  .tuple(pathArb, fc.integer())
                  .map(([path, value]): PatchOp => ({
                    op: 'add',
                    path,
                    value,
                  })),
                fc
                  .tuple(pathArb, jsonObjectArb)
                  .map(([path, value]): PatchOp => ({
                    op: 'add',
                    path,
                    value,
                  })),
              ),
            })
            .map(({ id, op }) => ({ modules: { update: { [id]: [op] } } })),
          fc
            .tuple(fc.constantFrom(...ids), moduleArb)
            .map(([id, module]) => ({ modules: { add: { [id]: module } } })),
          fc.constantFrom(...ids).map((id) => ({ modules: { remove: [id] } })),
        ];
  const shared = [
    fc
      .tuple(fc.constantFrom('db', 'cache', ...names), resourceArb)
      .map(([name, value]) => ({
        shared: [
          {
            op: 'add' as const,
            path: `/${name}`,
            value: value as unknown as Json,
          },
        ],
      })),
    ...(names.length === 0
      ? []
      : [
          fc.constantFrom(...names).map((name) => ({
            shared: [{ op: 'remove' as const, path: `/${name}` }],
          })),
        ]),
  ];
  return fc.oneof(...workload, ...shared);
};

describe('ids after a change (O(change) hashing)', () => {
  it('the id after a change to one entry equals the id computed from scratch (property)', () => {
    fc.assert(
      fc.property(
        setArb.chain((set) => fc.tuple(fc.constant(set), changeArb(set))),
        ([set, delta]) => {
          // Hashed from kept leaves: the base set's, plus the changed entry's.
          const next = applySetDelta(set, delta);
          // From scratch: fresh objects (no kept hash), and the slow reference.
          const fresh = JSON.parse(JSON.stringify(next)) as typeof next;
          expect(next.id).toBe(computeSetId(fresh));
          expect(next.id).toBe(referenceSetId(fresh));
          // And from a copy of the base set (its leaves found by its id, not by object).
          expect(applySetDelta(structuredClone(set), delta)).toEqual(next);
        },
      ),
      RUNS,
    );
  });

  it('computeSetId of content sharing all but one workload with a hashed set equals the id from scratch (property)', () => {
    fc.assert(
      fc.property(
        setArb.filter((set) => Object.keys(set.modules).length > 0),
        moduleArb,
        (set, module) => {
          const id = Object.keys(set.modules)[0];
          const changed = {
            modules: { ...set.modules, [id]: module },
            shared: set.shared,
          };
          expect(computeSetId(changed)).toBe(referenceSetId(changed));
        },
      ),
      RUNS,
    );
  });

  it('keeps no hash in the sets it returns', () => {
    const next = applySetDelta(base, {
      modules: { add: { web: { profile: 'p', spec: {}, externals: {} } } },
    });
    for (const set of [base, next]) {
      expect(Reflect.ownKeys(set)).toEqual([
        'id',
        'version',
        'modules',
        'shared',
      ]);
      for (const module of Object.values(set.modules))
        expect(Reflect.ownKeys(module).sort()).toEqual([
          'externals',
          'profile',
          'spec',
        ]);
      expect(JSON.parse(JSON.stringify(set))).toEqual(set);
    }
  });

  it('does not trust a made-up id: a set whose id is not its content is hashed from its content', () => {
    const fake = 'A'.repeat(43);
    const one = applySetDelta(
      { ...base, id: fake },
      { modules: { remove: ['api'] } },
    );
    expect(one.id).toBe(referenceSetId(one));
    // Another set under the same made-up id, same names, other content.
    const other = structuredClone(base);
    other.modules.api.profile = 'acme/other';
    const two = applySetDelta(
      { ...other, id: fake },
      { shared: [{ op: 'remove', path: '/dns' }] },
    );
    expect(two.id).toBe(referenceSetId(two));
    expect(two.modules.api.profile).toBe('acme/other');
  });
});

describe('diffSetContents', () => {
  it('produces deep, escaped, sorted paths', () => {
    const target = applySetDelta(base, {
      modules: {
        update: {
          api: [
            {
              op: 'replace',
              path: '/spec/containers/api/image',
              value: 'reg/api:2.0',
            },
            { op: 'remove', path: '/spec/containers/api/variables/LOG' },
            { op: 'add', path: '/spec/a~1b/x~0y', value: 2 },
            {
              op: 'add',
              path: '/spec/containers/api/args/-',
              value: '--debug',
            },
          ],
        },
        add: {
          worker: { profile: 'humanitec/default-job', spec: {}, externals: {} },
        },
      },
      shared: [{ op: 'add', path: '/cache', value: { type: 'redis' } }],
    });
    expect(diffSetContents(target, base)).toEqual({
      modules: {
        add: {
          worker: { profile: 'humanitec/default-job', spec: {}, externals: {} },
        },
        remove: [],
        update: {
          api: [
            { op: 'replace', path: '/spec/a~1b/x~0y', value: 2 },
            {
              op: 'replace',
              path: '/spec/containers/api/args',
              value: ['serve', '--debug'],
            },
            {
              op: 'replace',
              path: '/spec/containers/api/image',
              value: 'reg/api:2.0',
            },
            { op: 'remove', path: '/spec/containers/api/variables/LOG' },
          ],
        },
      },
      shared: [{ op: 'add', path: '/cache', value: { type: 'redis' } }],
    });
    expect(diffSetContents(base, target).modules.remove).toEqual(['worker']);
  });
});
