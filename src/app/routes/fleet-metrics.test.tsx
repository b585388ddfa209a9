import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { server } from '../../../mocks/node';

describe('fleet page', () => {
  it('shows every organisation, the inbox across them and drift from the baseline', async () => {
    renderApp('/orgs/acme/fleet');
    const orgs = await screen.findByRole('region', { name: 'Organisations' });
    const globex = within(orgs).getByRole('row', {
      name: /Globex Corporation/,
    });
    expect(globex).toHaveTextContent('Failed');
    // Two profiles, acme's env type `preview` it lacks, its extra `qa`, a pipeline.
    expect(globex).toHaveTextContent('5 differences');
    const inbox = screen.getByRole('region', {
      name: 'Needs attention across organisations',
    });
    expect(
      within(inbox).getByRole('link', { name: 'TPS Reports / Development' }),
    ).toHaveAttribute(
      'href',
      '/orgs/initech/apps/tps-reports/envs/development',
    );
    const drift = screen.getByRole('region', { name: 'Configuration drift' });
    expect(
      within(drift).getByRole('row', {
        name: /Initech Environment type staging Missing/,
      }),
    ).toBeInTheDocument();
    expect(
      within(drift).getByRole('row', {
        name: /Globex Corporation Pipeline promote-to-staging Different/,
      }),
    ).toBeInTheDocument();
    expect(
      within(drift).queryByRole('row', {
        name: /ci-default|promote-to-production/,
      }),
    ).not.toBeInTheDocument();
  });

  it('shows a rollout working (not "nothing done") before its first organisation is done', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/fleet');
    const rollout = await screen.findByRole('region', {
      name: 'Roll out a workload profile',
    });
    await user.click(
      within(rollout).getByRole('checkbox', { name: /^Globex Corporation / }),
    );
    await user.click(
      within(rollout).getByRole('button', {
        name: 'Roll out to 1 organisation',
      }),
    );
    await user.click(
      within(
        screen.getByRole('dialog', {
          name: /^Roll out .* to 1 organisation\?$/,
        }),
      ).getByRole('button', { name: 'Roll out to 1 organisation' }),
    );
    const bar = await within(rollout).findByRole('progressbar', {
      name: /: 0 of 1 organisations done/,
    });
    // Indeterminate: no value, so the bar shows activity instead of an empty track.
    expect(bar).not.toHaveAttribute('value');
    expect(within(rollout).getAllByText('In progress').length).toBeGreaterThan(
      0,
    );
  });

  it('asks before a rollout, naming the profile, its version and the organisations; Cancel starts nothing', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/fleet');
    const rollout = await screen.findByRole('region', {
      name: 'Roll out a workload profile',
    });
    await user.selectOptions(
      within(rollout).getByLabelText('Profile of Acme Corp (the baseline)'),
      'worker',
    );
    await user.click(
      within(rollout).getByRole('checkbox', { name: /^Globex Corporation / }),
    );
    // Initech has it already: nothing to roll out there.
    expect(
      within(rollout).getByRole('checkbox', {
        name: 'Initech (has 1.0.0 already)',
      }),
    ).toBeDisabled();
    const button = within(rollout).getByRole('button', {
      name: 'Roll out to 1 organisation',
    });
    await user.click(button);
    const dialog = screen.getByRole('dialog', {
      name: 'Roll out worker 1.0.0 to 1 organisation?',
    });
    expect(dialog).toHaveTextContent(
      'workload profile worker 1.0.0 of Acme Corp',
    );
    const orgs = within(
      within(dialog).getByRole('list', { name: 'Organisations that change' }),
    ).getAllByRole('listitem');
    expect(orgs.map((li) => li.textContent)).toEqual([
      'Globex Corporation (does not have it)',
    ]);
    // Nothing started yet; Cancel (or Escape) leaves it so and focus goes back to the button.
    expect(
      within(rollout).queryByRole('list', { name: 'Rollouts' }),
    ).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(button).toHaveFocus();
    expect(
      within(rollout).queryByRole('list', { name: 'Rollouts' }),
    ).not.toBeInTheDocument();

    // Confirmed: it starts, and focus goes to the rollouts (the button is disabled, nothing being chosen).
    await user.click(button);
    await user.click(
      within(
        screen.getByRole('dialog', {
          name: 'Roll out worker 1.0.0 to 1 organisation?',
        }),
      ).getByRole('button', { name: 'Roll out to 1 organisation' }),
    );
    const list = await within(rollout).findByRole('list', {
      name: 'Rollouts',
    });
    await waitFor(() => expect(list).toHaveFocus());
    expect(list).toHaveTextContent('acme/worker 1.0.0');
  });

  it('keeps the rollout choice and says why when the API refuses it', async () => {
    server.use(
      http.post('*/api/orgs/:orgId/console/fleet/rollouts', () =>
        HttpResponse.json(
          {
            error: 'API-403',
            message:
              'Rolling out workload profiles to globex needs the administrator role.',
          },
          { status: 403 },
        ),
      ),
    );
    const user = userEvent.setup();
    renderApp('/orgs/acme/fleet');
    const rollout = await screen.findByRole('region', {
      name: 'Roll out a workload profile',
    });
    await user.click(
      within(rollout).getByRole('checkbox', { name: /^Globex Corporation / }),
    );
    await user.click(
      within(rollout).getByRole('button', {
        name: 'Roll out to 1 organisation',
      }),
    );
    // The refusal shows in the confirmation, which stays open for another try or Cancel.
    const dialog = screen.getByRole('dialog', {
      name: /^Roll out .* to 1 organisation\?$/,
    });
    await user.click(
      within(dialog).getByRole('button', {
        name: 'Roll out to 1 organisation',
      }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'needs the administrator role',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(
      within(rollout).getByRole('checkbox', { name: /^Globex Corporation / }),
    ).toBeChecked();
  });

  it('says the fleet is unavailable when the API lacks the extension', async () => {
    server.use(
      http.get('*/api/orgs/:orgId/console/fleet', () =>
        HttpResponse.json({ error: 'API-404', message: 'no' }, { status: 404 }),
      ),
    );
    renderApp('/orgs/acme/fleet');
    expect(
      await screen.findByText(/fleet view is unavailable from this API/),
    ).toBeInTheDocument();
  });
});

describe('team performance page', () => {
  it('shows the four metrics with tiers and N/A for an app without production data', async () => {
    renderApp('/orgs/acme/metrics');
    const cards = await screen.findByRole('list', { name: 'Key metrics' });
    expect(
      within(cards)
        .getAllByRole('listitem')
        .filter((li) => li.classList.contains('dora-card')),
    ).toHaveLength(4);
    const identity = within(
      screen.getByRole('table', { name: 'Per application' }),
    ).getByRole('row', { name: /^Identity/ });
    const cells = within(identity).getAllByRole('cell');
    // No production environment: N/A and no tier for every figure, the frequency too (it read "None Low").
    for (const cell of cells) expect(cell).toHaveTextContent(/^N\/A\s*N\/A$/);
    expect(identity).not.toHaveTextContent('Low');
    expect(
      screen
        .getByRole('table', { name: 'Production deployments per day' })
        .querySelectorAll('tbody tr'),
    ).toHaveLength(30);
  });

  it('shows an error with a retry when the metrics fail', async () => {
    server.use(
      http.get('*/api/orgs/:orgId/console/metrics/dora', () =>
        HttpResponse.json(
          { error: 'API-500', message: 'Metrics store down' },
          { status: 500 },
        ),
      ),
    );
    renderApp('/orgs/acme/metrics?window=90d');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load the team performance metrics',
    );
    expect(
      within(alert).getByRole('button', { name: /retry/i }),
    ).toBeInTheDocument();
  });
});
