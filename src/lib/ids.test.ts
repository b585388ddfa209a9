import { describe, expect, it } from 'vitest';
import { idFromName, idProblem, MIN_ID_LENGTH } from './ids';

describe('ids', () => {
  it('says what is wrong with an id in words', () => {
    expect(idProblem('shop', 'my-app')).toBeUndefined();
    expect(idProblem('a', 'my-app')).toBeUndefined();
    expect(idProblem('payments-eu-2', 'my-app')).toBeUndefined();
    expect(idProblem('', 'my-app')).toBe('Give it an id.');
    for (const bad of ['Bad Id!', 'shop-', '-shop', 'a--b', 'Shop', 'ümlaut'])
      expect(idProblem(bad, 'my-app')).toMatch(
        /^Use lowercase letters, digits and single dashes.*e\.g\. my-app\.$/,
      );
    expect(idProblem('a'.repeat(51), 'x')).toBe(
      'An id has at most 50 characters (this one has 51).',
    );
  });

  it("asks for as many characters as the spec's pattern for the kind takes", () => {
    expect(idProblem('a', 'qa-eu', MIN_ID_LENGTH.environment)).toBe(
      'An id has at least 2 characters, e.g. qa-eu.',
    );
    expect(idProblem('qa', 'qa-eu', MIN_ID_LENGTH.environment)).toBeUndefined();
    expect(idProblem('db', 'pg-dev', MIN_ID_LENGTH.definition)).toBe(
      'An id has at least 3 characters, e.g. pg-dev.',
    );
    expect(idProblem('app', 'x', MIN_ID_LENGTH.app)).toBeUndefined();
  });

  it('makes an id from a name', () => {
    expect(idFromName('Payments API (EU)')).toBe('payments-api-eu');
    expect(idFromName('  Café  Crème ')).toBe('cafe-creme');
    expect(idFromName('!!!')).toBe('');
    const long = idFromName(`${'word '.repeat(20)}`);
    expect(long.length).toBeLessThanOrEqual(50);
    expect(idProblem(long, 'x')).toBeUndefined();
  });
});
