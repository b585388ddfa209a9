import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { FAULTS_STORAGE_KEY, parseFaultConfig } from '@/contract/fault-config';
import { FaultInjection } from './fault-injection';

describe('the fault injection panel', () => {
  beforeEach(() => sessionStorage.clear());

  it('turns faults on for the tab with the chosen rate, kinds, delay and seed, and off again', async () => {
    const user = userEvent.setup();
    render(<FaultInjection />);
    expect(screen.getByRole('status')).toHaveTextContent('Off');
    const rate = screen.getByLabelText('Share of calls that fail (%)');
    await user.clear(rate);
    await user.type(rate, '35');
    await user.click(
      screen.getByLabelText('Network error (connection dropped)'),
    );
    await user.click(screen.getByLabelText('Slow answer'));
    const seed = screen.getByLabelText('Seed');
    await user.clear(seed);
    await user.type(seed, '7');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'On: 35% of calls (500, 503, timeout, slow), delay 500 ms, seed 7.',
    );
    expect(
      parseFaultConfig(sessionStorage.getItem(FAULTS_STORAGE_KEY)!),
    ).toEqual({
      rate: 0.35,
      kinds: ['500', '503', 'timeout', 'slow'],
      delayMs: 500,
      seed: 7,
    });
    await user.click(screen.getByRole('button', { name: 'Turn off' }));
    expect(screen.getByRole('status')).toHaveTextContent('Off');
    expect(sessionStorage.getItem(FAULTS_STORAGE_KEY)).toBeNull();
  });

  it('explains a bad value and keeps the previous setting', async () => {
    const user = userEvent.setup();
    sessionStorage.setItem(FAULTS_STORAGE_KEY, '0.1');
    render(<FaultInjection />);
    expect(screen.getByRole('status')).toHaveTextContent('On: 10% of calls');
    const rate = screen.getByLabelText('Share of calls that fail (%)');
    await user.clear(rate);
    await user.type(rate, '150');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/between 0 and 1/);
    expect(sessionStorage.getItem(FAULTS_STORAGE_KEY)).toBe('0.1');
  });
});
