import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getResponse, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setApiToken } from '@/api/client';
import { renderApp } from '@/testing/render-app';
import { createHandlers } from '../../../mocks/handlers';
import { getEngine, server } from '../../../mocks/node';

/** Creates a service user from the Settings page, as a user would, and waits for it in the members table. */
async function addServiceUser(
  user: ReturnType<typeof userEvent.setup>,
  name: string,
) {
  await user.type(
    await screen.findByRole('textbox', { name: 'New service user' }),
    name,
  );
  await user.click(screen.getByRole('button', { name: 'Create service user' }));
  await within(
    screen.getByRole('table', { name: 'Members of acme' }),
  ).findByText(name);
}

describe('access control in the console', () => {
  it('lists members and asks before lowering a role', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/settings');
    const table = await screen.findByRole('table', { name: 'Members of acme' });
    const dana = within(table).getByLabelText('Role of Dana Developer');
    expect(dana).toHaveValue('member');
    await user.selectOptions(dana, 'orgViewer');
    const dialog = await screen.findByRole('dialog', {
      name: 'Lower this role?',
    });
    expect(dialog).toHaveTextContent('dana-dev goes from member to orgViewer');
    await user.click(
      within(dialog).getByRole('button', { name: 'Lower the role' }),
    );
    await waitFor(() =>
      expect(
        within(table).getByLabelText('Role of Dana Developer'),
      ).toHaveValue('orgViewer'),
    );
    const admin = getEngine().authenticate('hum_demo_admin_token');
    expect(getEngine().getOrgUser(admin, 'acme', 'dana-dev').role).toBe(
      'orgViewer',
    );
  });

  it('links the settings with a page of their own from the page header', async () => {
    renderApp('/orgs/acme/settings');
    const more = await screen.findByRole('navigation', {
      name: 'More settings',
    });
    expect(
      within(more).getByRole('link', { name: 'Environment types' }),
    ).toHaveAttribute('href', '/orgs/acme/settings/env-types');
    // In the header, beside the title: not a stray line between two panels.
    expect(more.closest('header')).not.toBeNull();
  });

  it('creates a service user and a token whose secret is shown once', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/settings');
    await addServiceUser(user, 'Deploy bot');
    await user.type(await screen.findByLabelText('Token id'), 'deploys');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Token deploys created',
    });
    const secret = within(dialog).getByTestId('token-secret').textContent!;
    expect(secret).toMatch(/^hum_/);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() =>
      expect(screen.queryByText(secret)).not.toBeInTheDocument(),
    );
    // Back in the form, ready for the next token (its button was disabled while this one was made).
    await waitFor(() =>
      expect(screen.getByLabelText('Token id')).toHaveFocus(),
    );
    const row = await screen.findByRole('row', { name: /deploys/ });
    expect(row).toHaveTextContent('deploy-bot');
    expect(JSON.stringify(getEngine().snapshot())).not.toContain(secret);
  });

  it('tells two service users of the same name apart where a token is made for one', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/settings');
    await addServiceUser(user, 'CI deployer');
    await user.clear(screen.getByRole('textbox', { name: 'New service user' }));
    await user.type(
      screen.getByRole('textbox', { name: 'New service user' }),
      'CI deployer',
    );
    await user.click(
      screen.getByRole('button', { name: 'Create service user' }),
    );
    const owner = screen.getByLabelText('Service user');
    await waitFor(() =>
      expect(
        within(owner)
          .getAllByRole('option')
          .map((o) => o.textContent)
          .filter((text) => text?.startsWith('CI deployer')),
      ).toEqual([
        'CI deployer · id ci-deployer · member',
        'CI deployer · id ci-deployer-2 · member',
      ]),
    );
  });

  it('keeps a new token open on a stray Escape until it is copied, warning once', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/settings');
    await addServiceUser(user, 'Key bot');
    await user.type(await screen.findByLabelText('Token id'), 'stray-key');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    let dialog = await screen.findByRole('dialog', {
      name: 'Token stray-key created',
    });
    await user.keyboard('{Escape}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      /not copied yet and cannot be shown again/,
    );
    expect(within(dialog).getByTestId('token-secret')).toHaveTextContent(
      /^hum_/,
    );
    // A second Escape is meant: it closes.
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(
        screen.queryByRole('dialog', { name: 'Token stray-key created' }),
      ).toBeNull(),
    );

    // Copied first: Escape closes at once, without a warning.
    await user.clear(screen.getByLabelText('Token id'));
    await user.type(screen.getByLabelText('Token id'), 'copied-key');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    dialog = await screen.findByRole('dialog', {
      name: 'Token copied-key created',
    });
    await user.click(
      within(dialog).getByRole('button', { name: 'Copy the token' }),
    );
    await within(dialog).findByRole('button', { name: 'Copied the token' });
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(
        screen.queryByRole('dialog', { name: 'Token copied-key created' }),
      ).toBeNull(),
    );
  });

  it('refuses an expiry that is not a whole number of days up to ten years (no never-expiring token by mistake)', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/settings');
    await user.type(
      await screen.findByRole('textbox', { name: 'New service user' }),
      'Expiry bot',
    );
    await user.click(
      screen.getByRole('button', { name: 'Create service user' }),
    );
    await within(
      screen.getByRole('table', { name: 'Members of acme' }),
    ).findByText('Expiry bot');
    const before = getEngine().snapshot();
    await user.type(screen.getByLabelText('Token id'), 'expiry');
    const days = screen.getByLabelText('Expires in (days, 0 = never)');
    for (const [typed, said] of [
      ['-5', /whole number of days/],
      ['99999', /At most 3,650 days/],
    ] as const) {
      await user.clear(days);
      await user.type(days, typed);
      await user.click(screen.getByRole('button', { name: 'Create token' }));
      expect(await screen.findByRole('alert')).toHaveTextContent(said);
      expect(days).toHaveAccessibleDescription(said);
      expect(days).toHaveFocus();
    }
    expect(JSON.stringify(getEngine().snapshot())).not.toContain('"expiry"');
    expect(getEngine().snapshot()).toEqual(before);
    // Fixed: the message goes and the token is made, expiring.
    await user.clear(days);
    await user.type(days, '7');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    await screen.findByRole('dialog', { name: 'Token expiry created' });
  });

  it('a token whose creation timed out after it was made: Retry shows that token and its secret, once; no second token', async () => {
    const admin = getEngine().authenticate('hum_demo_admin_token');
    const bot = getEngine().createServiceUser(admin, 'acme', {
      name: 'Timeout bot',
      role: 'member',
    });
    const real = createHandlers(getEngine, { base: '*/api' });
    const keys: (string | null)[] = [];
    server.use(
      http.post(
        '*/api/orgs/:orgId/console/users/:userId/tokens',
        async ({ request }) => {
          keys.push(request.headers.get('idempotency-key'));
          if (keys.length > 1) return undefined;
          // The engine creates the token, but the answer (with the secret) is lost on the way back.
          await getResponse(real, request);
          return HttpResponse.json(
            { error: 'API-504', message: 'Gateway time-out.' },
            { status: 504 },
          );
        },
      ),
    );
    const user = userEvent.setup();
    renderApp('/orgs/acme/settings');
    await user.type(await screen.findByLabelText('Token id'), 'lost-answer');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    const alert = (await screen.findAllByRole('alert')).find((a) =>
      a.textContent?.includes('Could not create the token'),
    )!;
    expect(alert).toHaveTextContent(/Retrying is safe/);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Token lost-answer created',
    });
    expect(within(dialog).getByTestId('token-secret').textContent).toMatch(
      /^hum_/,
    );
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(
      getEngine()
        .listOrgTokens(admin, 'acme')
        .filter((t) => t.user_id === bot.id)
        .map((t) => t.id),
    ).toEqual(['lost-answer']);
  });

  it("removing a deployer sends focus to the next one's Remove, and from the last to the field that adds one", async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/settings');
    const panel = await screen.findByRole('region', {
      name: 'Deployers by environment type',
    });
    const list = await within(panel).findByRole('list', {
      name: 'Deployers of development',
    });
    await user.selectOptions(
      within(panel).getByLabelText('New deployer of development'),
      'Vic Viewer',
    );
    await user.click(
      within(panel).getByRole('button', { name: 'Add to development' }),
    );
    await within(list).findByText('Vic Viewer');
    // The added one's button is disabled with the field emptied: focus goes back to the field, for the next.
    await waitFor(() =>
      expect(
        within(panel).getByLabelText('New deployer of development'),
      ).toHaveFocus(),
    );
    await user.click(
      within(list).getByRole('button', {
        name: 'Remove Dana Developer as deployer of development',
      }),
    );
    await waitFor(() =>
      expect(
        within(list).getByRole('button', {
          name: 'Remove Vic Viewer as deployer of development',
        }),
      ).toHaveFocus(),
    );
    await user.click(
      within(list).getByRole('button', {
        name: 'Remove Vic Viewer as deployer of development',
      }),
    );
    await within(list).findByText(/Nobody yet/);
    await waitFor(() =>
      expect(
        within(panel).getByLabelText('New deployer of development'),
      ).toHaveFocus(),
    );
  });

  it('disables deploying to production for a developer, naming the role needed', async () => {
    setApiToken('hum_demo_developer_token');
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps/shop/envs/production/workloads/api');
    const image = await screen.findByLabelText(/Image of container/);
    await user.clear(image);
    await user.type(image, 'registry.acme.dev/shop/api:9.9.9');
    const deploy = screen.getByRole('button', { name: 'Deploy to production' });
    await waitFor(() =>
      expect(deploy).toHaveAttribute('aria-disabled', 'true'),
    );
    expect(deploy).toHaveAccessibleDescription(
      'Deploying to production needs the deployer role on environment type production (you are developer of app shop).',
    );
  });

  it('shows a 403 from the API with its message and keeps the draft', async () => {
    setApiToken('hum_demo_viewer_token');
    // An API that does not answer permissions: the button stays usable and the API decides.
    server.use(
      http.get('*/api/orgs/:orgId/users/:userId/perms', () =>
        HttpResponse.json(
          { error: 'API-404', message: 'No such endpoint.' },
          { status: 404 },
        ),
      ),
    );
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps/shop/envs/development/workloads/api');
    const image = await screen.findByLabelText(/Image of container/);
    await user.clear(image);
    await user.type(image, 'registry.acme.dev/shop/api:9.9.9');
    await user.click(
      screen.getByRole('button', { name: 'Deploy to development' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /Changing app shop needs the developer or owner role on app shop/,
    );
    expect(screen.getByLabelText(/Image of container/)).toHaveValue(
      'registry.acme.dev/shop/api:9.9.9',
    );
  });
});
