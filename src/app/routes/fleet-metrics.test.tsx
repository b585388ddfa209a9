import { screen, within } from '@testing-library/react';
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
    const bar = await within(rollout).findByRole('progressbar', {
      name: /: 0 of 1 organisations done/,
    });
    // Indeterminate: no value, so the bar shows activity instead of an empty track.
    expect(bar).not.toHaveAttribute('value');
    expect(within(rollout).getAllByText('In progress').length).toBeGreaterThan(
      0,
    );
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
    expect(await within(rollout).findByRole('alert')).toHaveTextContent(
      'needs the administrator role',
    );
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
