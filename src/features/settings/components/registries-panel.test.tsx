import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setApiToken } from '@/api/client';
import { renderApp } from '@/testing/render-app';

const PASSWORD = 'planted-registry-password-77c1';

/** The credentials cell of a registry's row. */
const credentialsOf = (row: HTMLElement) => within(row).getAllByRole('cell')[3];

/** The registries table once the seeded ones have loaded. */
async function registriesTable() {
  const panel = await screen.findByRole('region', { name: 'Registries' });
  const table = await within(panel).findByRole('table', { name: 'Registries' });
  return { panel, table };
}

describe('Settings › Registries', () => {
  it('lists the registries with whether each has credentials, never their values; adds one and deletes it', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/settings');
    const { panel, table } = await registriesTable();
    const acme = within(table).getByRole('row', { name: /acme-registry/ });
    expect(acme).toHaveTextContent('registry.acme.dev');
    expect(acme).toHaveTextContent('Basic (user name and password)');
    await waitFor(() => expect(credentialsOf(acme)).toHaveTextContent(/^Set$/));
    const ghcr = within(table).getByRole('row', { name: /ghcr-acme/ });
    // Its type in words, not the API's `secret_ref`.
    expect(ghcr).toHaveTextContent('Kubernetes secret in each cluster');
    expect(ghcr).not.toHaveTextContent('secret_ref');
    await waitFor(() =>
      expect(credentialsOf(ghcr)).toHaveTextContent(/^Not set$/),
    );
    // /creds answers the user name and a masked password: the console shows neither.
    expect(panel.textContent).not.toMatch(/humanitec-pull|\*{8}|demo-pull/);

    await user.type(within(panel).getByLabelText('Registry id'), 'ci-cache');
    await user.type(
      within(panel).getByLabelText('Registry'),
      'cache.acme.dev/ci',
    );
    const username = within(panel).getByLabelText('User name');
    const password = within(panel).getByLabelText('Password');
    expect(username).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('type', 'password');
    await user.type(username, 'ci-bot');
    await user.type(password, PASSWORD);
    await user.click(
      within(panel).getByRole('button', { name: 'Add registry' }),
    );
    const added = await within(table).findByRole('row', { name: /ci-cache/ });
    await waitFor(() =>
      expect(credentialsOf(added)).toHaveTextContent(/^Set$/),
    );
    expect(password).toHaveValue('');
    expect(username).toHaveValue('');
    expect(document.body.textContent).not.toContain(PASSWORD);

    await user.click(
      within(added).getByRole('button', { name: 'Delete registry ci-cache' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Delete registry ci-cache?',
    });
    await user.click(
      within(dialog).getByRole('button', { name: 'Delete registry' }),
    );
    await waitFor(() =>
      expect(within(table).queryByRole('row', { name: /ci-cache/ })).toBeNull(),
    );
  });

  it('refuses a viewer with the reason and does not ask for credentials', async () => {
    setApiToken('hum_demo_viewer_token');
    renderApp('/orgs/acme/settings');
    const { panel, table } = await registriesTable();
    const acme = within(table).getByRole('row', { name: /acme-registry/ });
    await waitFor(() => expect(credentialsOf(acme)).toHaveTextContent(/^—$/));
    const add = within(panel).getByRole('button', { name: 'Add registry' });
    await waitFor(() => expect(add).toHaveAttribute('aria-disabled', 'true'));
    expect(add).toHaveAccessibleDescription(
      'Changing registries needs the manager or administrator role on organisation acme.',
    );
    expect(
      within(acme).getByRole('button', {
        name: 'Delete registry acme-registry',
      }),
    ).toHaveAttribute('aria-disabled', 'true');
  });
});
