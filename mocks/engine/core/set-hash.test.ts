import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64url,
  canonicalJson,
  EMPTY_SET_ID,
  sha256Base64url,
  sha256Text,
} from './canonical';
import {
  hashSetContent,
  knownSetLeaves,
  legacySetId,
  setIdFromLeaves,
  setLeavesOf,
} from './set-hash';
import { sampleSet, setArb } from '../../fixtures/test-arbitraries';
import {
  referenceCanonicalJson,
  referenceLegacySetId,
  referenceSetId,
} from '../../fixtures/test-set-ids';
import { applySetDelta, diffSetContents } from '../sets/ops';

/** Keys whose sorted order as text differs from the order objects list them in. */
const trickyKey = fc.constantFrom(
  '10',
  '9',
  '0',
  '01',
  '-1',
  '4294967295',
  '4294967294',
  '__proto__',
  'constructor',
  '',
  'é',
  '\u{1f600}',
  'a',
  'B',
);

const jsonWithTrickyKeys = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.string(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(tie('value'), fc.constant(undefined)), { maxLength: 4 }),
    fc
      .array(
        fc.tuple(
          fc.oneof(trickyKey, fc.string({ maxLength: 3 })),
          fc.oneof(tie('value'), fc.constant(undefined)),
        ),
        { maxLength: 5 },
      )
      .map((entries) => {
        const out: Record<string, unknown> = {};
        for (const [key, value] of entries)
          Object.defineProperty(out, key, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        return out;
      }),
  ),
})).value;

describe('canonicalJson', () => {
  it('writes what the piece-by-piece reference writes (property)', () => {
    fc.assert(
      fc.property(jsonWithTrickyKeys, (value) => {
        expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('orders integer-like keys as text, as the reference does', () => {
    expect(canonicalJson({ 9: 'a', 10: 'b', x: { 2: 1, 10: 2 } })).toBe(
      '{"10":"b","9":"a","x":{"10":2,"2":1}}',
    );
  });

  it('does not change its input', () => {
    const value = { b: 1, a: [{ d: undefined, c: 2 }] };
    canonicalJson(value);
    expect(Object.keys(value)).toEqual(['b', 'a']);
    expect(Object.keys(value.a[0])).toEqual(['d', 'c']);
  });

  it.each([
    [NaN],
    [Infinity],
    [{ a: () => 1 }],
    [[1n]],
    [undefined],
    [{ a: Symbol('s') }],
  ])('refuses %s, which JSON cannot hold', (value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});

describe('sha256Base64url', () => {
  it('is SHA-256 in base64url without padding', () => {
    // FIPS 180-2 test vector for "abc".
    expect(sha256Base64url('abc')).toBe(
      'ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0',
    );
    expect(sha256Base64url('é\u{1f600}')).toHaveLength(43);
  });

  it('gives what the pure-JS SHA-256 browsers use gives (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(sha256Base64url(text)).toBe(base64url(sha256Text(text)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('set ids', () => {
  it('are 43 zeros for the empty set, else the reference scheme', () => {
    expect(hashSetContent({ modules: {}, shared: {} })).toBe(EMPTY_SET_ID);
    expect(hashSetContent(sampleSet)).toBe(referenceSetId(sampleSet));
  });

  it('come out the same from fresh objects, kept leaves and the reference (property)', () => {
    fc.assert(
      fc.property(setArb, (set) => {
        const fresh = structuredClone(set);
        expect(hashSetContent(fresh)).toBe(referenceSetId(set));
        expect(setIdFromLeaves(setLeavesOf(fresh))).toBe(set.id);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sets stored under the id of the earlier scheme', () => {
  /** A set as an earlier version stored it: its id is the SHA-256 of its whole content. */
  const legacy = (set: typeof sampleSet) => ({
    ...structuredClone(set),
    id: referenceLegacySetId(set),
  });

  it('the earlier id differs from the new one, so nothing can mistake one for the other', () => {
    expect(legacySetId(sampleSet)).toBe(referenceLegacySetId(sampleSet));
    expect(referenceLegacySetId(sampleSet)).not.toBe(sampleSet.id);
  });

  it('a delta applied to one gives the new id of the result, and the diff between them is the delta', () => {
    const old = legacy(sampleSet);
    const delta = {
      modules: {
        update: {
          api: [
            {
              op: 'replace' as const,
              path: '/spec/containers/api/image',
              value: 'reg/api:9',
            },
          ],
        },
      },
    };
    const next = applySetDelta(old, delta);
    expect(next.id).toBe(referenceSetId(next));
    expect(diffSetContents(next, old)).toEqual({
      modules: { add: {}, remove: [], update: delta.modules.update },
      shared: [],
    });
    // The same content again: the same new id.
    expect(applySetDelta(structuredClone(old), delta).id).toBe(next.id);
  });

  it('keeps its leaves under the earlier id once checked, and never under an id that is not the content', () => {
    const old = legacy(sampleSet);
    setLeavesOf(old);
    expect(knownSetLeaves(structuredClone(old))).toBeDefined();
    const wrong = { ...structuredClone(sampleSet), id: 'B'.repeat(43) };
    setLeavesOf(wrong);
    expect(knownSetLeaves(wrong)).toBeUndefined();
  });
});
