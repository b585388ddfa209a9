import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { getEngine } from '../../../mocks/node';

describe('tokens: scope pickers and the clean-up button', () => {
  it('limits a token by picking apps and environment types from the API, not by typing a list', async () => {
    const user = userEvent.setup();
    const engine = getEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    engine.createServiceUser(admin, 'acme', {
      name: 'Scope bot',
      role: 'member',
    });
    renderApp('/orgs/acme/settings');
    const apps = await screen.findByRole('group', { name: 'Limit to apps' });
    const types = screen.getByRole('group', {
      name: 'Limit to environment types',
    });
    await within(apps).findByRole('checkbox', { name: /shop/ });
    expect(within(apps).getAllByRole('checkbox').length).toBe(
      engine.listApps(admin, 'acme').length,
    );
    await within(types).findByRole('checkbox', { name: 'development' });
    expect(screen.queryByLabelText(/comma-separated/)).toBeNull();

    await user.selectOptions(
      screen.getByLabelText('Service user'),
      'scope-bot',
    );
    await user.type(screen.getByLabelText('Token id'), 'shop-dev');
    await user.click(within(apps).getByRole('checkbox', { name: /shop/ }));
    await user.click(
      within(types).getByRole('checkbox', { name: 'development' }),
    );
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Token shop-dev created',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    // Its expiry by the calendar, the same words for every token expiring that day (not "next mo." for some).
    const tokens = screen.getByRole('region', { name: 'API tokens' });
    expect(
      await within(tokens).findByRole('row', { name: /shop-dev/ }),
    ).toHaveTextContent(/\(in 30 days\)/);
    const token = engine
      .listOrgTokens(admin, 'acme')
      .find((t) => t.id === 'shop-dev')!;
    expect(token.scope).toEqual({
      apps: ['shop'],
      env_types: ['development'],
    });
  });

  it('shows no "Delete 0 expired" button when nothing has expired', async () => {
    renderApp('/orgs/acme/settings');
    const tokens = await screen.findByRole('region', { name: 'API tokens' });
    await waitFor(() =>
      expect(within(tokens).queryByText(/Loading tokens/)).toBeNull(),
    );
    expect(
      within(tokens).queryByRole('button', { name: /Delete 0/ }),
    ).toBeNull();
    expect(
      within(tokens).queryByRole('button', { name: /expired/ }),
    ).toBeNull();
  });
});
