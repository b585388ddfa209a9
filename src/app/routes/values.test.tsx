import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { resetTestEngine, server } from '../../../mocks/node';

const URL = '/orgs/acme/apps/shop/values';

describe('values page', () => {
  it('shows app values with each environment side by side, overrides marked and secrets masked', async () => {
    resetTestEngine();
    renderApp(URL);
    const table = await screen.findByRole('table', {
      name: 'Values of the app and of each environment',
    });
    const logLevel = within(table).getByRole('row', { name: /LOG_LEVEL/ });
    // App value, then development's override, then staging inheriting it.
    expect(logLevel).toHaveTextContent('info');
    await waitFor(() => expect(logLevel).toHaveTextContent('trace override'));
    expect(logLevel).toHaveTextContent('info from the app');
    const stripe = within(table).getByRole('row', { name: /STRIPE_API_KEY/ });
    expect(stripe).toHaveTextContent('•••••• (secret)');
    expect(stripe.textContent).not.toMatch(/sk_(test|live)_demo/);
    // Where it is kept, not the store's own version counter (it read like a version of the value history).
    expect(stripe).toHaveTextContent(/•••••• \(secret\) kept in \S+/);
    expect(stripe).not.toHaveTextContent(/version/);
    expect(
      within(stripe).getByRole('button', {
        name: 'Replace STRIPE_API_KEY (app)',
      }),
    ).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Search values'), 'stripe');
    expect(within(table).queryByRole('row', { name: /LOG_LEVEL/ })).toBeNull();
  });

  it('keeps the key, scope and description typed into Add across a reload; never a value or .env text', async () => {
    resetTestEngine();
    const values = { name: 'Values of the app and of each environment' };
    const first = renderApp(URL);
    await screen.findByRole('table', values);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Key'), 'STRIPE_KEY');
    await user.type(screen.getByLabelText('Description'), 'Payments');
    // A secret typed before "Secret" is ticked, and a pasted .env file: neither reaches the browser's storage.
    await user.type(screen.getByLabelText('Value'), 'sk_live_typed');
    await user.type(
      screen.getByLabelText('.env text (KEY=value lines)'),
      'A=sk_live_pasted',
    );
    expect(JSON.stringify({ ...localStorage })).not.toMatch(/sk_live/);
    expect(JSON.stringify({ ...localStorage })).toMatch(/STRIPE_KEY/);
    first.unmount();

    // A reload: the same page made anew.
    renderApp(URL);
    await screen.findByRole('table', values);
    expect(screen.getByLabelText('Key')).toHaveValue('STRIPE_KEY');
    expect(screen.getByLabelText('Description')).toHaveValue('Payments');
    expect(screen.getByLabelText('Value')).toHaveValue('');
    expect(screen.getByLabelText('.env text (KEY=value lines)')).toHaveValue(
      '',
    );
  });

  it('keeps an edit of a value across a reload, and never a secret typed to replace one', async () => {
    const { engine } = resetTestEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    const values = { name: 'Values of the app and of each environment' };
    const user = userEvent.setup();
    const first = renderApp(URL);
    const table = await screen.findByRole('table', values);
    const row = (key: RegExp) => within(table).getByRole('row', { name: key });
    await waitFor(() =>
      expect(row(/LOG_LEVEL/)).toHaveTextContent('trace override'),
    );
    await user.click(
      within(row(/LOG_LEVEL/)).getByRole('button', {
        name: 'Edit LOG_LEVEL (app)',
      }),
    );
    const field = within(row(/LOG_LEVEL/)).getByLabelText(
      'Value of LOG_LEVEL (app)',
    );
    await user.clear(field);
    await user.type(field, 'debug');
    first.unmount();

    // A reload: the same cell open, with what was typed.
    const second = renderApp(URL);
    const again = await screen.findByRole('table', values);
    const restored = await within(again).findByLabelText(
      'Value of LOG_LEVEL (app)',
    );
    expect(restored).toHaveValue('debug');
    // Cancel is done with it: the next edit starts from the value again.
    await user.click(within(again).getByRole('button', { name: 'Cancel' }));
    expect(JSON.stringify({ ...localStorage })).not.toMatch(/debug/);

    // A secret's replacement is typed into the page only.
    await user.click(
      within(again).getByRole('button', {
        name: 'Replace STRIPE_API_KEY (app)',
      }),
    );
    await user.type(
      within(again).getByLabelText('New secret value of STRIPE_API_KEY (app)'),
      'sk_live_replacement',
    );
    expect(JSON.stringify({ ...localStorage })).not.toMatch(/sk_live/);
    await user.click(within(again).getByRole('button', { name: 'Cancel' }));
    // An override is typed into the page only too (it may be a secret in the making).
    await user.click(
      within(again).getByRole('button', {
        name: 'Override STRIPE_API_KEY in Staging',
      }),
    );
    await user.type(
      within(again).getByLabelText(/STRIPE_API_KEY in Staging/),
      'sk_live_override',
    );
    expect(JSON.stringify({ ...localStorage })).not.toMatch(/sk_live/);
    await user.click(within(again).getByRole('button', { name: 'Cancel' }));

    // A draft of a value someone else changed since is dropped, not saved over the change.
    await user.click(
      within(again).getByRole('button', { name: 'Edit LOG_LEVEL (app)' }),
    );
    await user.clear(within(again).getByLabelText('Value of LOG_LEVEL (app)'));
    await user.type(
      within(again).getByLabelText('Value of LOG_LEVEL (app)'),
      'debug',
    );
    second.unmount();
    engine.updateValue(
      admin,
      'acme',
      'shop',
      undefined,
      'LOG_LEVEL',
      { value: 'warn' },
      'patch',
    );
    const third = renderApp(URL);
    const table3 = await screen.findByRole('table', values);
    const reopened = await within(table3).findByLabelText(
      'Value of LOG_LEVEL (app)',
    );
    expect(reopened).toHaveValue('warn');

    // A draft of a value someone else deleted since goes with it: nothing is left in storage with nothing to show it.
    await user.clear(reopened);
    await user.type(reopened, 'debug');
    expect(JSON.stringify({ ...localStorage })).toMatch(/debug/);
    third.unmount();
    for (const env of [undefined, ...engine.listEnvs(admin, 'acme', 'shop')])
      try {
        engine.deleteValue(admin, 'acme', 'shop', env?.id, 'LOG_LEVEL');
      } catch {
        // Not set in this environment.
      }
    renderApp(URL);
    const table4 = await screen.findByRole('table', values);
    await within(table4).findByRole('row', { name: /STRIPE_API_KEY/ });
    expect(
      within(table4).queryByRole('row', { name: /LOG_LEVEL/ }),
    ).not.toBeInTheDocument();
    await waitFor(() =>
      expect(JSON.stringify({ ...localStorage })).not.toMatch(
        /debug|values-editing:acme\/shop":"\{/,
      ),
    );
  });

  it('adds a value, previews a .env import and applies it, and restores a version with a comment', async () => {
    resetTestEngine();
    renderApp(URL);
    await screen.findByRole('table');
    await userEvent.type(screen.getByLabelText('Key'), 'NEW_KEY');
    await userEvent.type(screen.getByLabelText('Value'), 'fresh');
    await userEvent.click(screen.getByRole('button', { name: 'Add value' }));
    const table = screen.getByRole('table', {
      name: 'Values of the app and of each environment',
    });
    await within(table).findByRole('row', { name: /NEW_KEY/ });

    await userEvent.type(
      screen.getByLabelText('.env text (KEY=value lines)'),
      'LOG_LEVEL=warn{enter}EXTRA=1{enter}PUBLIC_URL=https://shop.acme.example',
    );
    const preview = screen.getByRole('table', { name: 'Import preview' });
    expect(
      within(preview)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual([
      'LOG_LEVELWill changeinfowarn',
      'EXTRAWill be added—1',
      'PUBLIC_URLUnchangedhttps://shop.acme.examplehttps://shop.acme.example',
    ]);
    await userEvent.click(
      screen.getByRole('button', { name: 'Apply 2 changes' }),
    );
    await within(table).findByRole('row', { name: /EXTRA/ });

    const history = screen.getByRole('region', { name: 'Version history' });
    const newest = await within(history).findByRole('button', {
      name: /^Version \d+: App value changed by alex-admin/,
    });
    const older = within(history).getAllByRole('button', {
      name: /^Version \d+: App value created/,
    })[0];
    await userEvent.click(older);
    expect(newest).toBeInTheDocument();
    await userEvent.type(within(history).getByLabelText('Comment'), 'undo');
    await userEvent.click(
      within(history).getByRole('button', { name: /^Restore version/ }),
    );
    expect(
      await within(history).findByText(/App value restored by alex-admin/),
    ).toBeInTheDocument();
    expect(within(history).getByText(/— undo/)).toBeInTheDocument();
  });

  it('edits a value from what it is, asks before deleting one, keeps focus in the table and shows what an environment value is for', async () => {
    const { engine } = resetTestEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    const user = userEvent.setup();
    renderApp(URL);
    const table = await screen.findByRole('table', {
      name: 'Values of the app and of each environment',
    });
    const row = () => within(table).getByRole('row', { name: /LOG_LEVEL/ });
    await waitFor(() => expect(row()).toHaveTextContent('trace override'));

    // Edit starts from the value, with focus in the field; saving it unchanged makes no new version.
    const versionsBefore = engine.listValueSetVersions(
      admin,
      'acme',
      'shop',
      undefined,
    ).length;
    await user.click(
      within(row()).getByRole('button', { name: 'Edit LOG_LEVEL (app)' }),
    );
    const field = within(row()).getByLabelText('Value of LOG_LEVEL (app)');
    expect(field).toHaveValue('info');
    expect(field).toHaveFocus();
    await user.click(within(row()).getByRole('button', { name: 'Save' }));
    const edit = within(row()).getByRole('button', {
      name: 'Edit LOG_LEVEL (app)',
    });
    expect(edit).toHaveFocus();
    expect(row()).toHaveTextContent('info');
    expect(
      engine.listValueSetVersions(admin, 'acme', 'shop', undefined),
    ).toHaveLength(versionsBefore);

    // A change is saved, and focus goes back to the cell's button.
    await user.click(edit);
    await user.clear(within(row()).getByLabelText('Value of LOG_LEVEL (app)'));
    await user.type(
      within(row()).getByLabelText('Value of LOG_LEVEL (app)'),
      'debug{Enter}',
    );
    await waitFor(() =>
      expect(
        within(row()).getByRole('button', { name: 'Edit LOG_LEVEL (app)' }),
      ).toHaveFocus(),
    );
    expect(row()).toHaveTextContent('debug');

    // Deleting asks first; Cancel keeps the value.
    await user.click(
      within(row()).getByRole('button', {
        name: 'Delete LOG_LEVEL in Development',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete LOG_LEVEL in Development?',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(row()).toHaveTextContent('trace override');
    // Cancelled, focus is back on the button that asked.
    await waitFor(() =>
      expect(
        within(row()).getByRole('button', {
          name: 'Delete LOG_LEVEL in Development',
        }),
      ).toHaveFocus(),
    );
    await user.click(
      within(row()).getByRole('button', {
        name: 'Delete LOG_LEVEL in Development',
      }),
    );
    await user.click(
      within(
        await screen.findByRole('dialog', {
          name: 'Delete LOG_LEVEL in Development?',
        }),
      ).getByRole('button', { name: 'Delete the value' }),
    );
    // Development falls back to the app's value; focus is on the cell's remaining button.
    await waitFor(() =>
      expect(
        within(row()).getByRole('button', {
          name: 'Override LOG_LEVEL in Development',
        }),
      ).toHaveFocus(),
    );
    expect(row()).not.toHaveTextContent('trace');

    // A value of one environment shows its description, and focus is back in the form for the next one.
    await user.type(screen.getByLabelText('Key'), 'REGION');
    await user.type(screen.getByLabelText('Value'), 'eu');
    await user.selectOptions(screen.getByLabelText('For'), 'Staging only');
    await user.type(screen.getByLabelText('Description'), 'Where it runs');
    await user.click(screen.getByRole('button', { name: 'Add value' }));
    const region = await within(table).findByRole('row', { name: /REGION/ });
    await waitFor(() =>
      expect(region).toHaveTextContent('Where it runs (Staging)'),
    );
    await waitFor(() => expect(screen.getByLabelText('Key')).toHaveFocus());
  });

  it('the deployment comparison lists the values that changed between two deployments, a secret only as changed', async () => {
    const { engine, clock } = resetTestEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    const deployNow = () => {
      const d = engine.createDeploy(admin, 'acme', 'shop', 'development', {
        comment: 'values',
      });
      clock.advance(10_000);
      return d.id;
    };
    const first = deployNow();
    engine.updateValue(
      admin,
      'acme',
      'shop',
      'development',
      'LOG_LEVEL',
      { value: 'warn' },
      'patch',
    );
    engine.updateValue(
      admin,
      'acme',
      'shop',
      undefined,
      'STRIPE_API_KEY',
      { value: 'sk_test_rotated_secret_91' },
      'patch',
    );
    const second = deployNow();
    renderApp(
      `/orgs/acme/apps/shop/diff?from=development/${first}&to=development/${second}`,
    );
    const table = await screen.findByRole('table', {
      name: 'Field changes of the values',
    });
    expect(
      within(table).getByRole('row', { name: /LOG_LEVEL/ }),
    ).toHaveTextContent(/tracewarn/);
    const stripe = within(table).getByRole('row', { name: /STRIPE_API_KEY/ });
    expect(stripe).toHaveTextContent('•••••• (secret), changed');
    expect(document.body.textContent).not.toContain(
      'sk_test_rotated_secret_91',
    );
  });

  it('a deployment that fails on a value no environment defines links to the values, where it is fixed', async () => {
    const { engine, clock } = resetTestEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    const delta = engine.createDelta(admin, 'acme', 'shop', {
      metadata: { env_id: 'development' },
      modules: {
        add: {
          reader: {
            profile: 'humanitec/default-module',
            spec: {
              containers: {
                reader: {
                  id: 'reader',
                  image: 'registry.acme.dev/shop/reader:1.0.0',
                  variables: { FLAG: '${values.NOT_DEFINED_ANYWHERE}' },
                },
              },
            },
            externals: {},
          },
        },
      },
    });
    const deploy = engine.createDeploy(admin, 'acme', 'shop', 'development', {
      delta_id: delta.id,
    });
    clock.advance(10 * 60_000);
    renderApp(`/orgs/acme/apps/shop/envs/development/deploys/${deploy.id}`);
    const link = await screen.findByRole('link', {
      name: 'Open the app’s values',
    });
    expect(link).toHaveAttribute('href', '/orgs/acme/apps/shop/values');
    expect(screen.getAllByText('WL-VAL-001').length).toBeGreaterThan(0);
  });

  it("keeps the draft of an environment's value while the environments cannot be read", async () => {
    resetTestEngine();
    // An edit of an override only staging has, kept from before a reload.
    localStorage.setItem(
      'values-editing:acme/shop',
      JSON.stringify({ key: 'ONLY_IN_STAGING', envId: 'staging' }),
    );
    localStorage.setItem(
      'values-draft:acme/shop/staging/ONLY_IN_STAGING',
      JSON.stringify({ from: 'a', text: 'b' }),
    );
    server.use(
      http.get('*/api/orgs/acme/apps/shop/envs', () =>
        HttpResponse.json(
          { error: 'API-500', message: 'Environments are unavailable.' },
          { status: 500 },
        ),
      ),
    );
    renderApp(URL);
    await screen.findByRole('table', {
      name: 'Values of the app and of each environment',
    });
    await screen.findByText(/Environments are unavailable/);
    // Not deleted elsewhere: not read yet. The edit and its draft wait for the environments.
    expect(localStorage.getItem('values-editing:acme/shop')).toContain(
      'ONLY_IN_STAGING',
    );
    expect(
      localStorage.getItem('values-draft:acme/shop/staging/ONLY_IN_STAGING'),
    ).not.toBeNull();
  });

  it('says plainly when the values cannot be loaded', async () => {
    resetTestEngine();
    server.use(
      http.get('*/api/orgs/acme/apps/shop/values', () =>
        HttpResponse.json(
          { error: 'API-500', message: 'The value store is unavailable.' },
          { status: 500 },
        ),
      ),
    );
    renderApp(URL);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the values');
    await waitFor(() =>
      expect(alert).toHaveTextContent('The value store is unavailable.'),
    );
  });
});
