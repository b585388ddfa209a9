import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../../mocks/fixtures';
import { resetTestEngine } from '../../../mocks/node';
import { renderApp } from '@/testing/render-app';

const STORED = 'stored-Secret-41f9d2c7';
const TYPED = 'typed-Secret-8a03be56';

/** A workload `vault` in shop/development whose profile has a secret field, deployed with a stored secret. */
function plant() {
  const { engine, clock } = resetTestEngine();
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  engine.createProfile(admin, 'acme', {
    id: 'vault-app',
    description: 'A service with a database password',
    workload_profile_chart: {
      id: 'humanitec/default-module',
      version: '1.0.0',
    },
    spec_definition: {
      properties: {
        database: {
          type: 'schema',
          title: 'Database',
          schema: {
            type: 'object',
            properties: {
              host: { type: 'string', title: 'Host' },
              password: {
                type: 'string',
                title: 'Password',
                'x-console-widget': 'secret',
              },
            },
          },
        },
      },
    },
  });
  const delta = engine.createDelta(admin, 'acme', 'shop', {
    metadata: { env_id: 'development' },
    modules: {
      add: {
        vault: {
          profile: 'acme/vault-app',
          spec: { database: { host: 'db', password: STORED } },
          externals: {},
        },
      },
    },
  });
  engine.createDeploy(admin, 'acme', 'shop', 'development', {
    delta_id: delta.id,
  });
  clock.advance(60_000);
  return { engine, admin };
}

describe(
  'a secret field in the profile form (issue 18)',
  { timeout: 90_000 },
  () => {
    it('says the secret is set, takes a new one, keeps it out of the draft and the review, and deploys only its reference', async () => {
      const { engine, admin } = plant();
      const user = userEvent.setup();
      const { container, router } = renderApp(
        '/orgs/acme/apps/shop/envs/development/workloads/vault/edit',
      );
      const form = await screen.findByRole('form', { name: 'Spec of vault' });
      await within(form).findByText('Set');
      expect(container.innerHTML).not.toContain(STORED);
      expect(container.innerHTML).not.toContain('${secrets.');

      await user.click(
        within(form).getByRole('button', { name: 'Replace Password' }),
      );
      await user.type(
        container.querySelector('input[type="password"]')!,
        TYPED,
      );
      // The draft kept in the browser has the stored reference, not what was typed.
      const drafts = Object.keys(localStorage).map((k) =>
        localStorage.getItem(k),
      );
      expect(drafts.join('\n')).toContain(
        '${secrets.wl.vault.database.password.',
      );
      expect(drafts.join('\n')).not.toContain(TYPED);

      await user.click(screen.getByRole('button', { name: 'Review changes' }));
      await screen.findByRole('table', { name: 'Field changes of vault' });
      expect(container.innerHTML).not.toContain(TYPED);
      expect(container.innerHTML).not.toContain(STORED);
      // The review replaces the form: focus on its heading; back in the form, on Review changes.
      await waitFor(() =>
        expect(
          screen.getByRole('heading', { name: 'Review the change' }),
        ).toHaveFocus(),
      );
      await user.click(screen.getByRole('button', { name: 'Back to editing' }));
      await waitFor(() =>
        expect(
          screen.getByRole('button', { name: 'Review changes' }),
        ).toHaveFocus(),
      );
      await user.click(screen.getByRole('button', { name: 'Review changes' }));
      await screen.findByRole('table', { name: 'Field changes of vault' });
      await user.click(
        screen.getByRole('button', { name: 'Deploy to development' }),
      );
      await waitFor(() =>
        expect(router.state.location.pathname).toMatch(/\/deploys\//),
      );
      const env = engine.getEnv(admin, 'acme', 'shop', 'development');
      const set = engine.getSet(admin, 'acme', 'shop', env.last_deploy!.set_id);
      const password = (set.modules.vault.spec.database as { password: string })
        .password;
      expect(password).toMatch(/^\$\{secrets\.wl\.vault\.database\.password\./);
      expect(JSON.stringify(set)).not.toContain(TYPED);
      expect(JSON.stringify(engine.snapshot())).toContain(TYPED); // in the store
    });
  },
);
