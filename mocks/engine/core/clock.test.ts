import { describe, expect, it } from 'vitest';
import {
  createManualClock,
  createRandomIds,
  createSequentialIds,
} from './clock';

describe('createManualClock', () => {
  it('moves only when told', () => {
    const clock = createManualClock(1000);
    expect(clock.now()).toBe(1000);
    expect(clock.advance(500)).toBe(1500);
    expect(clock.now()).toBe(1500);
    clock.set(42);
    expect(clock.now()).toBe(42);
  });

  it.each([
    ['a negative advance', () => createManualClock(0).advance(-1)],
    ['a NaN start', () => createManualClock(Number.NaN)],
    ['an infinite set', () => createManualClock(0).set(Infinity)],
  ])('rejects %s', (_name, call) => {
    expect(call).toThrow(RangeError);
  });
});

describe('createSequentialIds', () => {
  it('gives realistic, deterministic ids per kind', () => {
    const a = createSequentialIds('x');
    const b = createSequentialIds('x');
    const first = [
      a.next('deployment'),
      a.next('delta'),
      a.next('user'),
      a.next('token'),
    ];
    expect([
      b.next('deployment'),
      b.next('delta'),
      b.next('user'),
      b.next('token'),
    ]).toEqual(first);
    expect(first[0]).toMatch(/^[0-9a-f]{11}$/);
    expect(first[1]).toMatch(/^[0-9a-f]{40}$/);
    expect(first[2]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(first[3]).toMatch(/^hum_[0-9a-f]{40}$/);
  });

  it('never repeats within a sequence, and prefixes give different sequences', () => {
    const ids = createSequentialIds();
    const seen = new Set(
      Array.from({ length: 500 }, () => ids.next('deployment')),
    );
    expect(seen.size).toBe(500);
    expect(createSequentialIds('a').next('delta')).not.toBe(
      createSequentialIds('b').next('delta'),
    );
  });
});

describe('createRandomIds', () => {
  it('gives ids of the same shapes', () => {
    const ids = createRandomIds();
    expect(ids.next('deployment')).toMatch(/^[0-9a-f]{11}$/);
    expect(ids.next('delta')).not.toBe(ids.next('delta'));
  });
});
