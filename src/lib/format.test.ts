import { describe, expect, it } from 'vitest';
import {
  countOf,
  envChoiceLabel,
  formatDay,
  formatDaysUntil,
  formatDuration,
  formatMinute,
  formatRelative,
  formatShortDay,
  formatTime,
  shortId,
} from './format';

describe('format', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  it.each([
    ['2026-11-24T11:57:00Z', '3 min. ago'],
    ['2026-11-24T11:59:30Z', '30 sec. ago'],
    ['2026-11-22T12:00:00Z', '2 days ago'],
  ])('formatRelative(%s)', (iso, expected) => {
    expect(formatRelative(iso, now)).toBe(expected);
  });

  it('says so when a time cannot be read', () => {
    expect(formatRelative('not a date', now)).toBe('unknown time');
  });

  it.each([
    [4200, '4.2 s'],
    [65_000, '1 m 05 s'],
    [-1, '—'],
  ])('formatDuration(%d) = %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it('shortens long ids only', () => {
    expect(shortId('0123456789abcdef')).toBe('01234567');
    expect(shortId('abc')).toBe('abc');
  });

  it('pluralises a count properly (never "image(s)")', () => {
    expect(countOf(1, 'container image')).toBe('1 container image');
    expect(countOf(2, 'container image')).toBe('2 container images');
    expect(countOf(0, 'expired token')).toBe('0 expired tokens');
  });
});

describe('formatDay', () => {
  it('says the day alone, as a person would read an expiry', () => {
    expect(formatDay('2027-01-08T10:00:00Z')).toBe('8 Jan 2027');
    expect(formatDay('not a date')).toBe('not a date');
    // The UTC day, wherever the browser is (a day counted in UTC days to it).
    expect(formatDay('2026-12-17T00:00:00Z')).toBe('17 Dec 2026');
    expect(formatDay('2026-12-16T23:59:00Z')).toBe('16 Dec 2026');
  });
});

describe('envChoiceLabel', () => {
  it('says the name, the id where the name does not say it, and the type when asked, alike on every page', () => {
    expect(envChoiceLabel({ id: 'development', name: 'Development' })).toBe(
      'Development',
    );
    expect(
      envChoiceLabel(
        { id: 'preview', name: 'Preview (GitOps)', type: 'development' },
        { withType: true },
      ),
    ).toBe('Preview (GitOps) · id preview · type development');
    expect(
      envChoiceLabel(
        { id: 'staging', name: 'Staging', type: 'staging' },
        { withType: true },
      ),
    ).toBe('Staging · type staging');
    expect(envChoiceLabel({ id: 'qa-2', name: '' })).toBe('qa-2');
  });
});

describe('times and days for logs and chart axes', () => {
  it('writes a time of day in 24 hours, with seconds for a log and to the minute for an axis', () => {
    expect(formatTime('2026-12-07T19:50:29Z')).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(formatMinute(Date.parse('2026-12-07T19:50:29Z'))).toMatch(
      /^\d\d:\d\d$/,
    );
    expect(formatTime('not a time')).toBe('not a time');
  });

  it('writes a calendar day as "8 Nov"', () => {
    expect(formatShortDay('2026-11-08')).toBe('8 Nov');
    expect(formatShortDay('nope')).toBe('nope');
  });
});

describe('formatDaysUntil', () => {
  const now = Date.parse('2026-12-07T22:00:00Z');
  it('counts calendar days, at any hour', () => {
    expect(formatDaysUntil('2027-01-06T01:00:00Z', now)).toBe('in 30 days');
    expect(formatDaysUntil('2027-01-06T23:00:00Z', now)).toBe('in 30 days');
    expect(formatDaysUntil('2026-12-07T23:59:00Z', now)).toBe('today');
    expect(formatDaysUntil('2026-12-08T00:01:00Z', now)).toBe('tomorrow');
    expect(formatDaysUntil('2026-12-01T00:00:00Z', now)).toBe('6 days ago');
  });
});
