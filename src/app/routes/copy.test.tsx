import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';

describe('copy says one thing plainly', () => {
  it('pluralises the changed images of a workload edit (no "image(s)")', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps/shop/envs/development/workloads/api');
    const input = await screen.findByLabelText(/Image of container/);
    await user.clear(input);
    await user.type(input, 'registry.acme.dev/shop/api:9.9.9');
    expect(
      await screen.findByText(
        '1 container image changed; unsaved edits are kept.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/image\(s\)/)).toBeNull();
  });

  it('shows the fault rules without literal backticks (ids as code)', async () => {
    renderApp('/orgs/acme/settings');
    const table = await screen.findByRole('table', { name: 'Fault rules' });
    expect(table.textContent).not.toContain('`');
    const crash = within(table).getByRole('row', { name: /^crash-loop / });
    expect(
      within(crash).getByText('CrashLoopBackOff', { selector: 'code' }),
    ).toBeInTheDocument();
  });
});
