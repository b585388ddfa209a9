import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, EMPTY_SET_ID } from '../core/canonical';
import { mergeDeltas } from '../deltas/content';
import type { PlainDelta } from '../core/model/spec';
import { applySetDelta, computeSetId, diffSetContents, emptySet } from './ops';
import {
  reverseKeys,
  sampleSet,
  setArb,
} from '../../fixtures/test-arbitraries';

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

  it('is base64url(SHA-256(canonical JSON)) without padding', () => {
    const content = { modules: base.modules, shared: base.shared };
    const expected = createHash('sha256')
      .update(canonicalJson(content), 'utf8')
      .digest('base64url');
    expect(base.id).toBe(expected);
    expect(base.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
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
