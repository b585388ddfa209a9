import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../engine/core/validate';
import * as generated from './request-validators.gen';
import { SAFE_PATTERNS } from './spec-codegen';

/** Every string of `alphabet` up to `max` characters. */
function* strings(alphabet: string[], max: number): Generator<string> {
  let level = [''];
  yield '';
  for (let n = 1; n <= max; n += 1) {
    level = level.flatMap((s) => alphabet.map((c) => s + c));
    yield* level;
  }
}

/** A near miss: letters, then a character the pattern refuses (exponential for a nested quantifier). */
const HOSTILE = `${'a'.repeat(45)}!`;

describe('patterns that run in linear time', () => {
  it.each(Object.entries(SAFE_PATTERNS))(
    'the replacement of %s accepts exactly what it accepts',
    (spec, safe) => {
      const slow = new RegExp(spec, 'u');
      const fast = new RegExp(safe, 'u');
      let compared = 0;
      for (const text of strings(['a', '0', '-', '!', 'A'], 6)) {
        expect(fast.test(text), JSON.stringify(text)).toBe(slow.test(text));
        compared += 1;
      }
      expect(compared).toBe(19_531);
      // The spec's pattern would backtrack for hours here; the replacement answers at once.
      expect(fast.test(HOSTILE)).toBe(false);
      expect(fast.test('a'.repeat(50))).toBe(true);
    },
  );

  it('the generated validators refuse a near-miss id without freezing (createEnvironment)', () => {
    expect(
      generated.createEnvironment({
        id: HOSTILE,
        name: 'x',
        type: 'development',
      }),
    ).toBe(false);
    expect(
      generated.createEnvironment({
        id: 'ab-1',
        name: 'x',
        type: 'development',
      }),
    ).toBe(true);
  });

  it("the engine's id pattern accepts what the spec's environment ids accept, from one character on", () => {
    const spec = new RegExp(Object.keys(SAFE_PATTERNS)[0], 'u');
    for (const text of strings(['a', '0', '-', '!', 'A'], 6)) {
      if (text.length >= 2)
        expect(ID_PATTERN.test(text), JSON.stringify(text)).toBe(
          spec.test(text),
        );
    }
    expect(ID_PATTERN.test('a')).toBe(true);
    expect(ID_PATTERN.test(HOSTILE)).toBe(false);
  });
});
