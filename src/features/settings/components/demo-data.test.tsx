import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';

describe('Settings › Embedded engine', () => {
  it('asks before resetting the demo data; focus follows the buttons that take each other’s place, not the page’s body', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/settings');
    const panel = await screen.findByRole('region', {
      name: 'Embedded engine',
    });
    const open = () =>
      within(panel).getByRole('button', { name: 'Reset demo data…' });

    await user.click(open());
    const cancel = within(panel).getByRole('button', { name: 'Cancel' });
    expect(cancel).toHaveAccessibleDescription(
      'Discard every change and restore the demo data?',
    );
    await waitFor(() => expect(cancel).toHaveFocus());
    await user.click(cancel);
    await waitFor(() => expect(open()).toHaveFocus());

    await user.click(open());
    await user.click(
      within(panel).getByRole('button', { name: 'Yes, reset demo data' }),
    );
    expect(await screen.findByText('Demo data restored')).toBeInTheDocument();
    await waitFor(() => expect(open()).toHaveFocus());
  });
});
