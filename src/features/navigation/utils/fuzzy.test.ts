import { describe, expect, it } from 'vitest';
import { scoreToken, scoreTokens, tokenize } from './fuzzy';

describe('tokenize', () => {
  it('splits on whitespace and lower-cases', () => {
    expect(tokenize('  Shop   PROD ')).toEqual(['shop', 'prod']);
    expect(tokenize('   ')).toEqual([]);
  });
});

describe('scoreToken', () => {
  it('does not match when a character is missing or out of order', () => {
    expect(scoreToken('xyz', 'payments api')).toBe(0);
    expect(scoreToken('ipa', 'api')).toBe(0);
  });

  it('does not match letters scattered far apart', () => {
    const keywords =
      'secret stores vault aws gcp azure key vault primary credentials';
    expect(scoreToken('treasury', keywords)).toBe(0);
    // The same letters close together still match.
    expect(scoreToken('vlt', keywords)).toBeGreaterThan(0);
    // A later, tighter occurrence counts when the first is too spread out.
    expect(
      scoreToken('apy', 'a b c d e f g h i j k l m n apy'),
    ).toBeGreaterThan(0);
    expect(scoreToken('ay', 'a b c d e f g h i j k l m n ay')).toBeGreaterThan(
      0,
    );
  });

  it('ranks prefix > word start > inside a word > subsequence', () => {
    const prefix = scoreToken('pay', 'payments api');
    const wordStart = scoreToken('pay', 'billing payments');
    const inside = scoreToken('pay', 'prepay api');
    const subsequence = scoreToken('pmt', 'payments api');
    expect(prefix).toBeGreaterThan(wordStart);
    expect(wordStart).toBeGreaterThan(inside);
    expect(inside).toBeGreaterThan(subsequence);
    expect(subsequence).toBeGreaterThan(0);
  });

  it('prefers consecutive subsequences and word starts', () => {
    expect(scoreToken('bap', 'billing-api')).toBeGreaterThan(
      scoreToken('blg', 'billing-api'),
    );
  });

  it('finds a later word-start occurrence after an inner one', () => {
    expect(scoreToken('pay', 'prepay payments')).toBeGreaterThan(
      scoreToken('pay', 'prepay api'),
    );
  });
});

describe('scoreTokens', () => {
  it('needs every token and prefers shorter texts', () => {
    expect(scoreTokens(['shop', 'prod'], 'production shop')).toBeGreaterThan(0);
    expect(scoreTokens(['shop', 'xyz'], 'production shop')).toBe(0);
    expect(scoreTokens(['api'], 'api')).toBeGreaterThan(
      scoreTokens(['api'], 'api gateway service'),
    );
  });
});
