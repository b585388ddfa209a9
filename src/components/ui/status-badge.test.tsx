import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Tone } from '@/lib/status';
import { StatusIcon } from './status-badge';

const TONES: Tone[] = [
  'success',
  'warning',
  'failure',
  'progress',
  'pending',
  'skipped',
  'info',
  'stopped',
  'unknown',
];

const iconOf = (tone: Tone) =>
  render(<StatusIcon tone={tone} />)
    .container.querySelector('path')!
    .getAttribute('d');

describe('status icons', () => {
  it('give every tone its own icon, so the spinner means work in progress and nothing else', () => {
    const icons = TONES.map(iconOf);
    expect(new Set(icons).size).toBe(TONES.length);
    expect(icons.filter((d) => d === iconOf('progress'))).toHaveLength(1);
  });
});
