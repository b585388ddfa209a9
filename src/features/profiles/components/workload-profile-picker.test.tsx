import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { WorkloadProfile } from '@/api/types';
import { WorkloadProfilePicker } from './workload-profile-picker';

const profile = {
  id: 'default-module',
  org_id: 'humanitec',
  version: '1.0.0',
  description: 'A service',
} as WorkloadProfile;

describe('WorkloadProfilePicker', () => {
  it('on Continue with a bad name: says to correct it and takes focus there, without continuing', async () => {
    const user = userEvent.setup();
    const onContinue = vi.fn();
    render(
      <WorkloadProfilePicker
        profiles={[profile]}
        existing={['api']}
        name="api"
        profileQid="humanitec/default-module"
        onChange={() => {}}
        onContinue={onContinue}
      />,
    );
    expect(
      screen.getByText('Correct the workload name to continue.'),
    ).toBeInTheDocument();
    const next = screen.getByRole('button', { name: 'Continue to the form' });
    next.focus();
    await user.keyboard('{Enter}');
    expect(onContinue).not.toHaveBeenCalled();
    expect(
      screen.getByRole('textbox', { name: 'Workload name' }),
    ).toHaveFocus();
  });

  it('on Continue without a profile: takes focus to the first one', async () => {
    const user = userEvent.setup();
    render(
      <WorkloadProfilePicker
        profiles={[profile]}
        existing={[]}
        name="billing"
        profileQid=""
        onChange={() => {}}
        onContinue={() => {}}
      />,
    );
    expect(
      screen.getByText('Choose a profile to continue.'),
    ).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Continue to the form' }),
    );
    expect(
      screen.getByRole('radio', { name: 'humanitec/default-module' }),
    ).toHaveFocus();
  });
});
