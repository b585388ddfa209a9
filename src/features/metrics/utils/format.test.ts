import { describe, expect, it } from 'vitest';
import {
  formatFrequency,
  formatHours,
  formatPercent,
  tierLabel,
} from './format';

describe('DORA formatting', () => {
  it.each([
    [null, 'N/A'],
    [0, '1 min'],
    [0.5, '30 min'],
    [4.24, '4.2 h'],
    [72, '3 days'],
  ] as const)('formatHours(%s) = %s', (hours, text) => {
    expect(formatHours(hours)).toBe(text);
  });

  it.each([
    [null, 'N/A'],
    [0, 'None'],
    [1.55, '1.6 a day'],
    [0.5, '3.5 a week'],
    [0.05, '1.5 a month'],
  ] as const)('formatFrequency(%s) = %s', (perDay, text) => {
    expect(formatFrequency(perDay)).toBe(text);
  });

  it('says N/A, never 0, for a rate or tier without data', () => {
    expect(formatPercent(null)).toBe('N/A');
    expect(formatPercent(0)).toBe('0 %');
    expect(tierLabel(null)).toBe('N/A');
    expect(tierLabel('elite')).toBe('Elite');
  });
});
