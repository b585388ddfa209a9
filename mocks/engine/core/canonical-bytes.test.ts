import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  base64url,
  canonicalJson,
  sha256BytesBase64url,
  sha256Text,
} from './canonical';
import { canonicalJsonBytes, leafMapsBytes } from './canonical-bytes';
import { hashSetContent } from './set-hash';
import { sampleSet } from '../../fixtures/test-arbitraries';
import {
  referenceCanonicalJson,
  referenceSetId,
} from '../../fixtures/test-set-ids';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** A copy of the bytes (the writer's view is only valid until its next call). */
const bytesOf = (value: unknown) => Array.from(canonicalJsonBytes(value));

/** Strings with what needs care: quotes, backslashes, controls, non-ASCII, pairs and lone surrogates. */
const trickyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    '"',
    '\\',
    '\u0000\u0001\u001f\u007f',
    '\b\f\n\r\t',
    '\ud800',
    '\udfff',
    'a\ud83d',
    '\ude00b',
    '\ud83d\ude00',
    'é€',
    '\u2028\u2029',
  ),
);

const trickyKey = fc.oneof(
  trickyString,
  fc.constantFrom('10', '9', '__proto__', 'constructor', 'B', 'a'),
);

const jsonArb = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    trickyString,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(tie('value'), fc.constant(undefined)), { maxLength: 4 }),
    fc
      .array(
        fc.tuple(trickyKey, fc.oneof(tie('value'), fc.constant(undefined))),
        { maxLength: 30 },
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

describe('canonicalJsonBytes', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('is the UTF-8 of the reference canonical JSON (property)', () => {
    fc.assert(
      fc.property(jsonArb, (value) => {
        expect(bytesOf(value)).toEqual(
          Array.from(utf8(referenceCanonicalJson(value))),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('is the UTF-8 of canonicalJson for workloads written in any key order (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 12 }), trickyString, {
          maxKeys: 60,
        }),
        (variables) => {
          const workload = { spec: { variables }, profile: 'p', externals: {} };
          expect(bytesOf(workload)).toEqual(
            Array.from(utf8(canonicalJson(workload))),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('grows past its first buffer and keeps every byte', () => {
    const big = {
      z: 'x'.repeat(100_000),
      a: Array.from({ length: 5_000 }, (_, i) => ({ ['\u00e9' + i]: i })),
    };
    expect(bytesOf(big)).toEqual(Array.from(utf8(canonicalJson(big))));
  });

  it('sorts objects of many keys, nested in each other, in any order', () => {
    const many = (n: number, inner?: unknown) => {
      const out: Record<string, unknown> = {};
      // Written in reverse, with keys that share their first two characters.
      for (let i = n - 1; i >= 0; i -= 1) out[`k${i % 10}${i}`] = inner ?? i;
      return out;
    };
    const value = many(5, many(300, { z: 1, a: [many(40)] }));
    expect(bytesOf(value)).toEqual(
      Array.from(utf8(referenceCanonicalJson(value))),
    );
  });

  it('writes own properties only: inherited and polluted ones are left out, as Object.keys does', () => {
    const child = Object.create({ inherited: 1 }) as Record<string, unknown>;
    child.own = 2;
    const bare = Object.create(null) as Record<string, unknown>;
    bare.b = 1;
    bare.a = 2;
    (Object.prototype as Record<string, unknown>).polluted = 'yes';
    const value = { child, bare, plain: { y: 1, x: 2 } };
    expect(new TextDecoder().decode(canonicalJsonBytes(value))).toBe(
      '{"bare":{"a":2,"b":1},"child":{"own":2},"plain":{"x":2,"y":1}}',
    );
  });

  it('refuses what JSON cannot hold, and the next call is not disturbed', () => {
    for (const bad of [NaN, { a: { b: () => 1 } }, [1n], { a: Symbol('s') }])
      expect(() => canonicalJsonBytes(bad)).toThrow(TypeError);
    expect(
      new TextDecoder().decode(canonicalJsonBytes({ b: [1], a: 'x' })),
    ).toBe('{"a":"x","b":[1]}');
  });

  it('writes the map of names to leaves the set id hashes', () => {
    const leaves = new Map([
      ['a', 'L1'],
      ['b', 'L2'],
    ]);
    const text = new TextDecoder().decode(
      leafMapsBytes([
        ['modules', ['a', 'b'], leaves],
        ['shared', [], new Map()],
      ]),
    );
    expect(text).toBe('{"modules":{"a":"L1","b":"L2"},"shared":{}}');
  });
});

describe('sha256BytesBase64url', () => {
  it('hashes bytes as sha256Base64url hashes their text, also from a view into a larger buffer (property)', () => {
    fc.assert(
      fc.property(trickyString, fc.nat(8), (text, offset) => {
        const bytes = utf8(text);
        const padded = new Uint8Array(bytes.length + offset + 3);
        padded.set(bytes, offset);
        const view = padded.subarray(offset, offset + bytes.length);
        const expected = base64url(sha256Text(text));
        expect(sha256BytesBase64url(bytes)).toBe(expected);
        expect(sha256BytesBase64url(view)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('set ids (golden: computed by the slow reference, so a change of scheme fails here)', () => {
  it('keeps the ids of fixed content', () => {
    expect(referenceSetId(sampleSet)).toBe(
      'V0GM0p4KUWIBJZN5_JBsgMse7K76ossecbkGg7M_Jk4',
    );
    expect(hashSetContent(structuredClone(sampleSet))).toBe(
      'V0GM0p4KUWIBJZN5_JBsgMse7K76ossecbkGg7M_Jk4',
    );
    const escaped = {
      modules: {
        'wl-é': {
          profile: 'p',
          spec: {
            s: 'tab\there "q" \\ \u0001 \ud800 😀',
            n: [1, 2.5, -0, 1e21, true, null],
            '10': 1,
            '9': 2,
          },
          externals: {},
        },
      },
      shared: { db: { type: 'postgres', params: { k: 'v' } } },
    };
    expect(referenceSetId(escaped)).toBe(
      'tWHOPVwTrc1ZzyHS0pv8A74_CCPz9NZznxtIRGbMx3U',
    );
    expect(hashSetContent(escaped)).toBe(
      'tWHOPVwTrc1ZzyHS0pv8A74_CCPz9NZznxtIRGbMx3U',
    );
  });
});
