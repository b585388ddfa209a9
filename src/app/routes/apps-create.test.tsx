import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setApiToken } from '@/api/client';
import { renderApp } from '@/testing/render-app';
import { getEngine } from '../../../mocks/runtime';

describe('creating an application', () => {
  it('makes the id from the name, says what is wrong in words, refuses a taken id at the field, then opens the new app with its development environment', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps');
    await user.click(
      await screen.findByRole('button', { name: 'New application' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'New application',
    });
    expect(dialog).toHaveTextContent(
      'It starts with one environment, development',
    );
    const name = within(dialog).getByLabelText('Name');
    const id = within(dialog).getByLabelText('Id');
    expect(name).toHaveFocus();

    // Nothing typed: the name is asked for, at the field.
    await user.click(
      within(dialog).getByRole('button', { name: 'Create application' }),
    );
    expect(name).toHaveAccessibleDescription('Give the application a name.');
    await waitFor(() => expect(name).toHaveFocus());

    await user.type(name, 'Payments API (EU)');
    expect(id).toHaveValue('payments-api-eu');
    // An id of one's own, wrong: said in words, not as a pattern.
    await user.clear(id);
    await user.type(id, 'Bad Id!');
    expect(id).toHaveAccessibleDescription(
      /^Use lowercase letters, digits and single dashes/,
    );
    expect(id).toHaveAttribute('aria-invalid', 'true');

    // A taken id: the API's refusal, and focus back on the id.
    await user.clear(id);
    await user.type(id, 'shop');
    await user.click(
      within(dialog).getByRole('button', { name: 'Create application' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'An application shop exists already: choose another id.',
    );
    expect(id).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(id).toHaveFocus());

    await user.clear(id);
    await user.type(id, 'payments-eu');
    await user.click(
      within(dialog).getByRole('button', { name: 'Create application' }),
    );
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Payments API (EU)',
      }),
    ).toBeInTheDocument();
    expect(
      (
        await within(screen.getByRole('main')).findAllByRole('link', {
          name: /development/i,
        })
      ).length,
    ).toBeGreaterThan(0);
    // One environment, said so.
    expect(screen.getByText('1 environment')).toBeInTheDocument();
    const admin = getEngine().authenticate('hum_demo_admin_token');
    expect(getEngine().getApp(admin, 'acme', 'payments-eu').name).toBe(
      'Payments API (EU)',
    );
  });

  it('a stray Escape with a name typed keeps the dialog and the name, and says a second one closes without it', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps');
    await user.click(
      await screen.findByRole('button', { name: 'New application' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'New application',
    });
    await user.type(within(dialog).getByLabelText('Name'), 'Billing');
    await user.keyboard('{Escape}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'What you typed is not saved yet',
    );
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Billing');
    expect(within(dialog).getByLabelText('Id')).toHaveValue('billing');
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('opens from the landing at the first press (its code loads then), and Escape returns focus to the button', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps');
    await user.click(
      await screen.findByRole('button', { name: 'New application' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'New application',
    });
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Name')).toHaveFocus(),
    );
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'New application' }),
      ).toHaveFocus(),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('tells a member without the right why they cannot create one', async () => {
    setApiToken('hum_demo_viewer_token');
    renderApp('/orgs/acme/apps');
    // Allowed while the permissions load (the API decides in the end); then refused, saying why.
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'New application' }),
      ).toHaveAttribute('aria-disabled', 'true'),
    );
    const button = screen.getByRole('button', { name: 'New application' });
    expect(button).toHaveAccessibleDescription(/role/i);
  });
});

describe('creating an environment from the app page', () => {
  it("starts from an environment's last deployment by default, or empty; refuses a taken id before sending; opens the new environment", async () => {
    const user = userEvent.setup();
    // The palette's "Create environment" links here, with the dialog open.
    renderApp('/orgs/acme/apps/shop?new-env');
    const dialog = await screen.findByRole('dialog', {
      name: 'New environment',
    });
    const name = within(dialog).getByLabelText('Name');
    const id = within(dialog).getByLabelText('Id');
    const from = within(dialog).getByLabelText('Start from');
    expect(from).toHaveDisplayValue(/^The last deployment of /);
    await user.type(name, 'Development');
    // Taken: said on Create, at the id, and nothing sent.
    await user.click(
      within(dialog).getByRole('button', { name: 'Create environment' }),
    );
    expect(id).toHaveAccessibleDescription(
      'The app has an environment development already: choose another id.',
    );
    await waitFor(() => expect(id).toHaveFocus());
    const admin0 = getEngine().authenticate('hum_demo_admin_token');
    expect(
      getEngine()
        .listEnvs(admin0, 'acme', 'shop')
        .filter((e) => e.id === 'development'),
    ).toHaveLength(1);
    await user.clear(name);
    await user.type(name, 'QA Europe');
    expect(id).toHaveValue('qa-europe');
    await user.selectOptions(within(dialog).getByLabelText('Type'), 'staging');
    await user.click(
      within(dialog).getByRole('button', { name: 'Create environment' }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: /QA Europe/ }),
    ).toBeInTheDocument();
    const admin = getEngine().authenticate('hum_demo_admin_token');
    const env = getEngine().getEnv(admin, 'acme', 'shop', 'qa-europe');
    expect(env).toMatchObject({ name: 'QA Europe', type: 'staging' });
    // Started from a deployment: its base.
    expect(env.from_deploy?.id).toBeTruthy();
  });

  it('creates an empty environment when asked; Escape returns focus to the button', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps/shop');
    const open = await screen.findByRole('button', { name: 'New environment' });
    await user.click(open);
    await screen.findByRole('dialog', { name: 'New environment' });
    // Its open state is in the address (?new-env): closing it changes the query, not the page.
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(
        screen.queryByRole('dialog', { name: 'New environment' }),
      ).not.toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'New environment' }),
      ).toHaveFocus(),
    );
    await user.click(screen.getByRole('button', { name: 'New environment' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'New environment',
    });
    await user.type(within(dialog).getByLabelText('Name'), 'Sandbox');
    await user.selectOptions(
      within(dialog).getByLabelText('Start from'),
      'Nothing: an empty environment',
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Create environment' }),
    );
    await screen.findByRole('heading', { level: 1, name: /Sandbox/ });
    const admin = getEngine().authenticate('hum_demo_admin_token');
    expect(
      getEngine().getEnv(admin, 'acme', 'shop', 'sandbox').from_deploy,
    ).toBeUndefined();
  });
});
