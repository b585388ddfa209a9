import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusIcon } from '@/components/ui/status-badge';
import { TierBadge } from './tier-badge';

const spinner = () =>
  render(<StatusIcon tone="progress" />)
    .container.querySelector('path')!
    .getAttribute('d');

describe('TierBadge', () => {
  it('shows the High tier without the in-progress spinner', () => {
    render(<TierBadge tier="high" />);
    const badge = screen.getByText('High');
    expect(badge.querySelector('path')!.getAttribute('d')).not.toBe(spinner());
    expect(badge).not.toHaveClass('status-badge--progress');
  });
});
